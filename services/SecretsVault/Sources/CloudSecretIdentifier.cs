using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Platform.SecretsVault.Sources;

/// <summary>An Azure Key Vault secret identifier: <c>https://{vault host}/secrets/{name}[/{version}]</c>.</summary>
public sealed partial record CloudSecretIdentifier(string Host, string Name, string? Version)
{
    /// <summary>The canonical form stored in <c>secret_refs.cloud_uri</c> (lower-case host, no port, query or slash at the end).</summary>
    public string Canonical => Version is null ? $"https://{Host}/secrets/{Name}" : $"https://{Host}/secrets/{Name}/{Version}";

    /// <summary>Parses and checks the shape; the error never repeats the input.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out CloudSecretIdentifier? identifier, [NotNullWhen(false)] out string? error)
    {
        identifier = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 512 || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            error = "A secret identifier is an absolute URI: https://{vault}.vault.azure.net/secrets/{name}[/{version}].";
            return false;
        }
        if (uri.Scheme != Uri.UriSchemeHttps || !uri.IsDefaultPort || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            error = "A secret identifier uses https on the default port, without user info, query or fragment.";
            return false;
        }
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        if (segments.Length is < 2 or > 3 || segments[0] != "secrets" || !SecretName().IsMatch(segments[1])
            || (segments.Length == 3 && !SecretVersion().IsMatch(segments[2])))
        {
            error = "A secret identifier's path is /secrets/{name}[/{version}]: a name of letters, digits and dashes, and a 32-hex-digit version.";
            return false;
        }
        var host = uri.IdnHost.ToLowerInvariant();
        if (uri.HostNameType != UriHostNameType.Dns || !HostName().IsMatch(host))
        {
            error = "A secret identifier's host is a DNS name such as {vault}.vault.azure.net.";
            return false;
        }
        identifier = new CloudSecretIdentifier(host, segments[1], segments.Length == 3 ? segments[2].ToLowerInvariant() : null);
        error = null;
        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,127}$")]
    private static partial Regex SecretName();

    [GeneratedRegex("^[0-9a-fA-F]{32}$")]
    private static partial Regex SecretVersion();

    [GeneratedRegex(@"^[a-z0-9-]+(\.[a-z0-9-]+)+$")]
    private static partial Regex HostName();
}
