using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;

namespace Platform.ServiceDefaults.ServiceDiscovery;

/// <summary>
/// Resolves logical service URIs (<c>http://integration-registry/x</c>, <c>https+http://mcp-edge/x</c>) to the
/// endpoints Aspire configures as <c>services:{name}:{http|https}:{N}</c>, round-robin across replicas.
/// </summary>
public sealed class ServiceEndpointResolver(IConfiguration configuration)
{
    public const string SectionName = "services";

    private readonly ConcurrentDictionary<string, StrongBox<int>> cursors = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every configured endpoint of one endpoint name (<c>http</c> or <c>https</c>) of a service, in index order.</summary>
    public IReadOnlyList<Uri> GetEndpoints(string serviceName, string endpointName = "http")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        var section = configuration.GetSection(SectionName).GetSection(serviceName).GetSection(endpointName);
        var endpoints = new List<(int Index, Uri Uri)>();
        foreach (var child in section.GetChildren())
        {
            if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                continue;
            }
            if (!Uri.TryCreate(child.Value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException(
                    $"Configuration '{SectionName}:{serviceName}:{endpointName}:{child.Key}' must be an absolute http or https URL.");
            }
            endpoints.Add((index, uri));
        }
        return [.. endpoints.OrderBy(endpoint => endpoint.Index).Select(endpoint => endpoint.Uri)];
    }

    /// <summary>Whether configuration names this host as a service.</summary>
    public bool IsConfigured(string serviceName) =>
        !string.IsNullOrWhiteSpace(serviceName) && configuration.GetSection(SectionName).GetSection(serviceName).Exists();

    /// <summary>
    /// The physical URI for a logical one; URIs that name no service (a dotted host name, an IP address,
    /// <c>localhost</c>, an explicit port) are returned unchanged. A single-label host that is not configured is an error.
    /// </summary>
    public Uri Resolve(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            return uri;
        }
        string[]? endpointNames = uri.Scheme switch
        {
            "https+http" => ["https", "http"],
            "http+https" => ["http", "https"],
            "http" => ["http"],
            "https" => ["https"],
            _ => null,
        };
        if (endpointNames is null)
        {
            return uri;
        }
        var serviceName = uri.Host;
        // Logical names never carry a port, so "http://postgres:5432" is left alone.
        var logical = endpointNames.Length > 1 || IsConfigured(serviceName) || (uri.IsDefaultPort && IsSingleLabelName(serviceName));
        if (!logical)
        {
            return uri;
        }
        foreach (var endpointName in endpointNames)
        {
            var endpoints = GetEndpoints(serviceName, endpointName);
            if (endpoints.Count > 0)
            {
                return Combine(Next(serviceName, endpointName, endpoints), uri);
            }
        }
        var expected = string.Join(" or ", endpointNames.Select(name => $"'{SectionName}:{serviceName}:{name}:0' ({SectionName}__{serviceName}__{name}__0)"));
        throw new InvalidOperationException(
            $"Cannot resolve service '{serviceName}' for '{uri.Scheme}://': no endpoint is configured. Expected configuration {expected}.");
    }

    private Uri Next(string serviceName, string endpointName, IReadOnlyList<Uri> endpoints)
    {
        if (endpoints.Count == 1)
        {
            return endpoints[0];
        }
        var cursor = cursors.GetOrAdd($"{serviceName}/{endpointName}", _ => new StrongBox<int>(-1));
        var next = (uint)Interlocked.Increment(ref cursor.Value);
        return endpoints[(int)(next % (uint)endpoints.Count)];
    }

    private static Uri Combine(Uri endpoint, Uri logical)
    {
        var basePath = endpoint.AbsolutePath.TrimEnd('/');
        return new Uri($"{endpoint.Scheme}://{endpoint.Authority}{basePath}{logical.PathAndQuery}{logical.Fragment}");
    }

    private static bool IsSingleLabelName(string host) =>
        host.Length > 0
        && !host.Contains('.', StringComparison.Ordinal)
        && !string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        && !IPAddress.TryParse(host, out _);
}
