using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.McpEdge.Caching;
using Platform.McpEdge.Catalog;
using Platform.McpEdge.Server;
using Platform.SecretsVault.Client;

namespace Platform.McpEdge.Upstream;

/// <summary>
/// Turns "this subject on this install" into the headers an upstream expects: the registry names the credential
/// and its vault secrets, the vault gives the material. Static credentials go in their configured header (a bare
/// value in <c>Authorization</c> becomes <c>Bearer …</c>); OAuth credentials send their access token as a bearer.
/// Resolved credentials are kept briefly; revocation events drop them. Another agent called as a tool gets a
/// token saying who calls (<see cref="CallerTokens"/>).
/// </summary>
public sealed class UpstreamCredentials(PlatformClients clients, CallerTokens callerTokens, IOptions<McpEdgeOptions> options, TimeProvider timeProvider)
{
    private const string Active = "active";
    private const string ApiKeyRole = "api-key";
    private const string AccessTokenRole = "access-token";

    private readonly ExpiringCache<(Guid Tenant, Guid Install, Guid Subject), UpstreamCredential> _cache = new(timeProvider);

    public Task<UpstreamCredential> GetAsync(EdgeCaller caller, UpstreamSource source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(source);
        if (source.Kind == UpstreamSourceKind.Agent)
        {
            return callerTokens.CredentialAsync(caller, source, ct);
        }
        if (!source.NeedsCredential)
        {
            return Task.FromResult(UpstreamCredential.None);
        }
        return GetCachedAsync(caller, source, ct);
    }

    private async Task<UpstreamCredential> GetCachedAsync(EdgeCaller caller, UpstreamSource source, CancellationToken ct)
    {
        try
        {
            return await _cache.GetOrLoadAsync((caller.TenantId, source.Id, caller.SubjectId), (key, token) => ResolveAsync(source, key, token), ct);
        }
        catch (HttpRequestException exception)
        {
            throw new PlatformUnavailableException(
                $"The platform could not look up your credential for {source.DisplayName} right now (HTTP {(int?)exception.StatusCode}); try again in a few seconds.", exception);
        }
    }

    /// <summary>Drops what is cached for one install and subject (either may be null: all of them).</summary>
    public void Invalidate(Guid tenantId, Guid? installId, Guid? subjectId) =>
        _cache.Invalidate(key => key.Tenant == tenantId && (installId is null || key.Install == installId) && (subjectId is null || key.Subject == subjectId));

    private async Task<(UpstreamCredential, TimeSpan)> ResolveAsync(UpstreamSource source, (Guid Tenant, Guid Install, Guid Subject) key, CancellationToken ct)
    {
        var resolution = await clients.Registry.ResolveCredentialAsync(key.Tenant, key.Install, key.Subject, ct)
            ?? throw new UpstreamNotConnectedException(source.ConnectHint);
        if (!string.Equals(resolution.Status, Active, StringComparison.Ordinal))
        {
            throw new UpstreamNotConnectedException(ConnectMessages.CredentialNotActive(source.DisplayName, source.Namespace, resolution.Status));
        }
        var isStatic = string.Equals(source.AuthMethod, "static", StringComparison.Ordinal);
        var role = isStatic ? ApiKeyRole : AccessTokenRole;
        if (!resolution.SecretHandles.TryGetValue(role, out var secretId) && !(isStatic && resolution.SecretHandles.Count == 1))
        {
            throw new UpstreamNotConnectedException(ConnectMessages.MissingSecret(source.DisplayName, source.Namespace, role));
        }
        if (secretId == Guid.Empty)
        {
            secretId = resolution.SecretHandles.Values.Single();
        }
        string secret;
        try
        {
            secret = await clients.Vault.ResolveAsync(key.Tenant, secretId, ct);
        }
        catch (SecretUnavailableException)
        {
            throw new UpstreamNotConnectedException(ConnectMessages.SecretGone(source.DisplayName, source.Namespace));
        }
        var headerName = isStatic ? resolution.HeaderName ?? "Authorization" : "Authorization";
        var headerValue = string.Equals(headerName, "Authorization", StringComparison.OrdinalIgnoreCase) && !secret.Contains(' ', StringComparison.Ordinal)
            ? "Bearer " + secret
            : secret;
        var credential = new UpstreamCredential(
            resolution.CredentialId,
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [headerName] = headerValue },
            headerValue == secret ? [secret] : [secret, headerValue],
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{headerName}\n{headerValue}")))[..16]);
        var lifetime = options.Value.CredentialTtl;
        if (resolution.ExpiresAt is { } expiresAt && expiresAt - timeProvider.GetUtcNow() < lifetime)
        {
            lifetime = expiresAt - timeProvider.GetUtcNow();
        }
        return (credential, lifetime);
    }
}
