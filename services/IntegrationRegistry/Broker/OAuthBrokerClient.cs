using System.Net;
using System.Net.Http.Json;

namespace Platform.IntegrationRegistry.Broker;

/// <summary>
/// The OAuth broker as the registry calls it: connect links for a tenant admin to hand to one of the tenant's people.
/// The broker checks that the install signs in with OAuth and that the identity is the tenant's.
/// </summary>
public sealed class OAuthBrokerClient(HttpClient http)
{
    public static readonly Uri BaseAddress = new("https+http://oauth-broker");

    /// <summary>The link, or null when the install is not an OAuth install of the tenant or the identity is not the tenant's.</summary>
    /// <exception cref="HttpRequestException">The broker could not make one.</exception>
    public async Task<ConnectLinkCreated?> CreateConnectLinkAsync(Guid tenantId, Guid installId, Guid identityId, string? scope, string requestedBy, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/internal/oauth/connect-links",
            new { tenantId, installId, identityId, scope, requestedBy }, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ConnectLinkCreated>(ct);
    }
}

/// <summary>A connect link: the URL to give the person (it works once), when it lapses, the integration it connects.</summary>
public sealed record ConnectLinkCreated(Uri Url, DateTimeOffset ExpiresAt, string Integration);
