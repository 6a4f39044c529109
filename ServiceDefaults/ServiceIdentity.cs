using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults;

/// <summary>Who this process is, as telemetry, <c>/health</c>, <c>/about</c> and <c>ServiceStarted</c> report it.</summary>
public sealed record ServiceIdentity(string Service, string Instance, string Version)
{
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";
    public const string ResourceAttributesKey = "OTEL_RESOURCE_ATTRIBUTES";
    public const string InstanceIdAttribute = "service.instance.id";

    /// <summary>Reads the names Aspire injects; falls back to the application name and a host/process id.</summary>
    public static ServiceIdentity Create(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var service = configuration[ServiceNameKey] is { Length: > 0 } name ? name : environment.ApplicationName;
        var instance = ParseResourceAttribute(configuration[ResourceAttributesKey], InstanceIdAttribute)
            ?? $"{Environment.MachineName}-{Environment.ProcessId}";
        return new ServiceIdentity(service, instance, InformationalVersion(environment.ApplicationName));
    }

    /// <summary>Finds one key in the W3C-baggage-like <c>OTEL_RESOURCE_ATTRIBUTES</c> list (<c>k1=v1,k2=v2</c>).</summary>
    public static string? ParseResourceAttribute(string? attributes, string key)
    {
        if (string.IsNullOrWhiteSpace(attributes))
        {
            return null;
        }
        foreach (var pair in attributes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = pair.IndexOf('=');
            if (separator > 0 && pair[..separator].Trim() == key)
            {
                var value = Uri.UnescapeDataString(pair[(separator + 1)..].Trim());
                return value.Length > 0 ? value : null;
            }
        }
        return null;
    }

    private static string InformationalVersion(string applicationName)
    {
        Assembly? assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName(applicationName));
        }
        catch (IOException)
        {
            assembly = Assembly.GetEntryAssembly();
        }
        return assembly?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly?.GetName().Version?.ToString()
            ?? "0.0.0";
    }
}
