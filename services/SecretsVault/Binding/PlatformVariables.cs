namespace Platform.SecretsVault.Binding;

/// <summary>
/// Environment variables the platform itself is configured with, which no reference may ever name. .NET reads
/// <c>__</c> as the configuration section separator, so every setting given through the environment
/// (<c>ConnectionStrings__*</c>, <c>Vault__*</c>, <c>ServiceAuth__*</c>, <c>services__*</c>, ...) contains it; the
/// runtime, ASP.NET Core, OpenTelemetry and TLS read their own prefixes.
/// </summary>
public static class PlatformVariables
{
    private static readonly string[] RuntimePrefixes =
        ["DOTNET_", "ASPNETCORE_", "OTEL_", "COREHOST_", "COMPLUS_", "NUGET_", "MSBUILD", "HTTP_PORTS", "HTTPS_PORTS", "SSL_CERT_", "IDENTITY_", "AZURE_", "MSI_"];

    /// <summary>Whether <paramref name="name"/> (or the part of it after a tenant's prefix) may be a platform setting.</summary>
    public static bool IsPlatformOwned(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Contains("__", StringComparison.Ordinal)
            || RuntimePrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }
}
