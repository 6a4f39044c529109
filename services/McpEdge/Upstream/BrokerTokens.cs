using System.Net;
using System.Net.Http.Json;

namespace Platform.McpEdge.Upstream;

/// <summary>
/// The OAuth broker's token API as the edge uses it: "make this credential's access token fresh", optionally naming
/// the token an upstream refused (by its SHA-256) so the broker renews only if no one has yet. The answer names the
/// vault secret and expiry; the token itself is read from the vault.
/// </summary>
public sealed class BrokerTokens(IHttpClientFactory factory)
{
    public const string ClientName = "oauth-broker";

    public static readonly Uri BaseAddress = new("https+http://oauth-broker");

    /// <summary>The renewed (or still good) token's expiry; null when the broker knows no such credential.</summary>
    /// <exception cref="BrokerTokenRefusedException">The authorization server refused the grant: the person must connect again.</exception>
    /// <exception cref="HttpRequestException">The broker, or the authorization server behind it, could not renew it now.</exception>
    public async Task<BrokerTokenState?> EnsureFreshAsync(Guid tenantId, Guid credentialId, string? rejectedTokenSha256, CancellationToken ct)
    {
        using var http = factory.CreateClient(ClientName);
        using var response = await http.PostAsJsonAsync(
            $"/internal/oauth/credentials/{credentialId}/token", new { tenantId, rejectedTokenSha256 }, ct);
        switch (response.StatusCode)
        {
            case HttpStatusCode.NotFound:
                return null;
            case HttpStatusCode.Conflict:
                throw new BrokerTokenRefusedException();
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<BrokerTokenState>(ct);
    }
}
