using Platform.OAuthBroker.Engine;

namespace Platform.OAuthBroker.Tokens;

/// <summary>A credential's token metadata in brokerdb (<c>broker.oauth_tokens</c>): vault handles and times, never a token.</summary>
public sealed record OAuthTokenRow(
    Guid CredentialId,
    AuthorizationBinding Binding,
    Guid AccessSecretId,
    Guid? RefreshSecretId,
    byte[] AccessTokenSha256,
    string SessionJson,
    string? Scope,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RefreshAt,
    string Status)
{
    public const string Active = "active";

    public const string NeedsReauth = "needs-reauth";

    /// <summary>Revoked in the registry; its tokens wait to be revoked at the authorization server, then the row goes.</summary>
    public const string Revoked = "revoked";

    public override string ToString() => $"OAuthTokenRow {{ CredentialId = {CredentialId}, ExpiresAt = {ExpiresAt:O}, Status = {Status} }}";
}
