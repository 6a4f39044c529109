using System.Net;
using System.Net.Http.Json;
using Platform.IntegrationRegistry.Client.Authentication;

namespace Platform.IntegrationRegistry.Client;

/// <summary>
/// The integration registry's internal API, called with this service's credential (added by ServiceDefaults).
/// Lookups answer <c>null</c> (or an empty list) when the registry says "not found"; other failures throw
/// <see cref="HttpRequestException"/> with the status code only.
/// </summary>
public sealed class RegistryClient(HttpClient http) : IRegistryAuthenticator
{
    /// <summary>The logical base address; service discovery maps it to a registry instance.</summary>
    public static readonly Uri BaseAddress = new("https+http://integration-registry");

    public Task<AgentPrincipal?> AuthenticateAgentAsync(string token, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return PostForAsync<AgentTokenRequest, AgentPrincipal>("/internal/auth/agent-token", new AgentTokenRequest(token), ct);
    }

    public Task<AdminPrincipal?> AuthenticateAdminKeyAsync(string key, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return PostForAsync<AdminKeyRequest, AdminPrincipal>("/internal/auth/admin-key", new AdminKeyRequest(key), ct);
    }

    public Task<TenantInfo?> GetTenantBySlugAsync(string slug, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(slug);
        return GetOrNullAsync<TenantInfo>($"/internal/tenants/by-slug/{Uri.EscapeDataString(slug)}", ct);
    }

    /// <summary>The tenant with this id, or null; only the vault may ask.</summary>
    public Task<TenantInfo?> GetTenantAsync(Guid tenantId, CancellationToken ct) =>
        GetOrNullAsync<TenantInfo>($"/internal/tenants/{tenantId}", ct);

    /// <summary>The tenant's identity with this id, name or e-mail, or null.</summary>
    public Task<IdentityInfo?> FindIdentityAsync(Guid tenantId, string reference, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        return GetOrNullAsync<IdentityInfo>($"/internal/tenants/{tenantId}/identities/lookup?reference={Uri.EscapeDataString(reference)}", ct);
    }

    public Task<SpaceInfo?> GetSpaceAsync(Guid tenantId, Guid spaceId, CancellationToken ct) =>
        GetOrNullAsync<SpaceInfo>($"/internal/tenants/{tenantId}/spaces/{spaceId}", ct);

    public async Task<IReadOnlyList<InstallInfo>> GetInstallsForSubjectAsync(Guid tenantId, Guid subjectId, CancellationToken ct) =>
        await GetOrNullAsync<List<InstallInfo>>($"/internal/tenants/{tenantId}/subjects/{subjectId}/installs", ct) ?? [];

    /// <summary>The OAuth client settings of an install whose auth method is <c>oauth</c> or <c>client-credentials</c>; null otherwise.</summary>
    public Task<InstallOAuthSettings?> GetInstallOAuthSettingsAsync(Guid tenantId, Guid installId, CancellationToken ct) =>
        GetOrNullAsync<InstallOAuthSettings>($"/internal/tenants/{tenantId}/installs/{installId}/oauth", ct);

    /// <summary>
    /// Creates or replaces the identity's live credential on an <c>oauth</c> install with the broker's tokens (the
    /// handles they replace are revoked); null when the install or identity is not the tenant's or the install is not <c>oauth</c>.
    /// </summary>
    public async Task<OAuthCredentialInfo?> PutOAuthCredentialAsync(Guid tenantId, Guid installId, Guid identityId, OAuthCredentialRequest request, CancellationToken ct)
    {
        using var response = await http.PutAsJsonAsync($"/internal/tenants/{tenantId}/installs/{installId}/oauth-credentials/{identityId}", request, ct);
        return await ReadOrNullAsync<OAuthCredentialInfo>(response, ct);
    }

    /// <summary>
    /// Records a renewal of an OAuth credential's tokens (new expiry and scopes); false when the credential is no
    /// longer active in the tenant (revoked or needing re-authorization meanwhile), so the renewal counts for nothing.
    /// </summary>
    public async Task<bool> RecordTokenRefreshedAsync(Guid tenantId, Guid credentialId, OAuthTokenRefreshed refreshed, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync($"/internal/tenants/{tenantId}/credentials/{credentialId}/token-refreshed", refreshed, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
        response.EnsureSuccessStatusCode();
        return true;
    }

    public Task<CredentialResolution?> ResolveCredentialAsync(Guid tenantId, Guid installId, Guid subjectId, CancellationToken ct) =>
        PostForAsync<CredentialResolveRequest, CredentialResolution>(
            "/internal/credentials/resolve", new CredentialResolveRequest(tenantId, installId, subjectId), ct);

    /// <summary>Marks the credential as needing a new consent (e.g. the upstream refused its refresh token).</summary>
    /// <summary>Lets the vault destroy a revoked OAuth credential's tokens now that the broker revoked them upstream (idempotent).</summary>
    public async Task ReleaseSecretHoldsAsync(Guid tenantId, IReadOnlyList<Guid> secretIds, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync($"/internal/tenants/{tenantId}/secret-holds/release", new SecretHoldRelease(secretIds), ct);
        response.EnsureSuccessStatusCode();
    }

    public async Task MarkCredentialNeedsReauthAsync(Guid tenantId, Guid credentialId, CancellationToken ct)
    {
        using var response = await http.PostAsync($"/internal/tenants/{tenantId}/credentials/{credentialId}/needs-reauth", content: null, ct);
        response.EnsureSuccessStatusCode();
    }

    public async Task<IReadOnlyList<AgentEndpointInfo>> GetAgentEndpointsAsync(Guid tenantId, CancellationToken ct) =>
        await GetOrNullAsync<List<AgentEndpointInfo>>($"/internal/tenants/{tenantId}/agent-endpoints", ct) ?? [];

    /// <summary>The Spaces an agent may read, each with its grant's scope (<see cref="SpaceGrantScopes"/>).</summary>
    public async Task<IReadOnlyList<SpaceGrantInfo>> GetSpaceGrantsAsync(Guid tenantId, Guid agentId, CancellationToken ct) =>
        await GetOrNullAsync<List<SpaceGrantInfo>>($"/internal/tenants/{tenantId}/agents/{agentId}/space-grants", ct) ?? [];

    /// <summary>Lists a service's public signing key in the platform's JWKS (or extends its listing) until it expires.</summary>
    public async Task PublishSigningKeyAsync(string kid, SigningKeyRequest request, CancellationToken ct)
    {
        using var response = await http.PutAsJsonAsync($"/internal/signing-keys/{Uri.EscapeDataString(kid)}", request, ct);
        response.EnsureSuccessStatusCode();
    }

    private async Task<T?> GetOrNullAsync<T>(string path, CancellationToken ct) where T : class
    {
        using var response = await http.GetAsync(path, ct);
        return await ReadOrNullAsync<T>(response, ct);
    }

    private async Task<TResponse?> PostForAsync<TRequest, TResponse>(string path, TRequest body, CancellationToken ct) where TResponse : class
    {
        using var response = await http.PostAsJsonAsync(path, body, ct);
        return await ReadOrNullAsync<TResponse>(response, ct);
    }

    private static async Task<T?> ReadOrNullAsync<T>(HttpResponseMessage response, CancellationToken ct) where T : class
    {
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(ct);
    }
}
