using Platform.SecretsVault.Client;
using Platform.ServiceDefaults;

namespace Platform.SecretsVault.Binding;

/// <summary>
/// Which platform service may do what with a secret of each purpose. A service that holds a secret's id by
/// mistake, or is made to ask for one, still gets nothing it has no business with.
/// </summary>
public static class PurposeMatrix
{
    private static readonly Dictionary<string, string[]> Writers = new(StringComparer.Ordinal)
    {
        [SecretPurposes.UpstreamCredential] = [ServiceNames.IntegrationRegistry],
        // The registry stores the client secret an admin gives with an auth method; the broker, one it registers.
        [SecretPurposes.OAuthClientSecret] = [ServiceNames.IntegrationRegistry, ServiceNames.OAuthBroker],
        [SecretPurposes.OAuthToken] = [ServiceNames.OAuthBroker],
        [SecretPurposes.OAuthRefreshToken] = [ServiceNames.OAuthBroker],
        [SecretPurposes.WebhookSigningSecret] = [ServiceNames.WebhookIngress],
    };

    private static readonly Dictionary<string, string[]> Resolvers = new(StringComparer.Ordinal)
    {
        [SecretPurposes.UpstreamCredential] = [ServiceNames.McpEdge],
        [SecretPurposes.OAuthClientSecret] = [ServiceNames.OAuthBroker],
        [SecretPurposes.OAuthToken] = [ServiceNames.McpEdge, ServiceNames.OAuthBroker],
        [SecretPurposes.OAuthRefreshToken] = [ServiceNames.OAuthBroker],
        [SecretPurposes.WebhookSigningSecret] = [ServiceNames.WebhookIngress],
    };

    /// <summary>May create a secret of this purpose and write its new versions.</summary>
    public static bool MayWrite(string caller, string purpose) => Allowed(Writers, caller, purpose);

    /// <summary>May read the material of a secret of this purpose.</summary>
    public static bool MayResolve(string caller, string purpose) => Allowed(Resolvers, caller, purpose);

    /// <summary>
    /// May revoke: whoever may write it, and the registry for every OAuth purpose (deleting a credential or an
    /// auth method revokes the tokens and secrets it held).
    /// </summary>
    public static bool MayRevoke(string caller, string purpose) =>
        MayWrite(caller, purpose)
        || (caller == ServiceNames.IntegrationRegistry && purpose is SecretPurposes.OAuthToken or SecretPurposes.OAuthRefreshToken);

    private static bool Allowed(Dictionary<string, string[]> matrix, string caller, string purpose) =>
        matrix.TryGetValue(purpose, out var callers) && callers.Contains(caller, StringComparer.Ordinal);
}
