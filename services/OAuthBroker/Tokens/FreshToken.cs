namespace Platform.OAuthBroker.Tokens;

/// <summary>
/// The broker's answer about a credential's access token: where it is in the vault, until when it is good, and
/// whether this call renewed it. The token itself stays in the vault (the edge reads it from there).
/// </summary>
public sealed record FreshToken(Guid CredentialId, Guid AccessTokenSecretId, DateTimeOffset? ExpiresAt, bool Refreshed, string Status)
{
    public bool NeedsReauthorization => Status == OAuthTokenRow.NeedsReauth;

    public static FreshToken From(OAuthTokenRow row, bool refreshed)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.CredentialId, row.AccessSecretId, row.ExpiresAt, refreshed, row.Status);
    }
}
