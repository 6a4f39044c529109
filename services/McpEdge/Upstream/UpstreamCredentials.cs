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
public sealed class UpstreamCredentials(
    PlatformClients clients, BrokerTokens broker, CallerTokens callerTokens, IOptions<McpEdgeOptions> options, TimeProvider timeProvider)
{
    private const string Active = "active";
    private const string Expired = "expired";
    private const string OAuth = "oauth";
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

    /// <summary>
    /// After an upstream refused <paramref name="rejected"/> (a 401): asks the broker to renew the credential's token
    /// unless someone already has, and drops the cached copy. True when a retry should carry a newer token.
    /// </summary>
    /// <exception cref="UpstreamNotConnectedException">The provider refused to renew: the person must connect again.</exception>
    /// <exception cref="PlatformUnavailableException">The broker could not be asked right now.</exception>
    public async Task<bool> RenewAfterRejectionAsync(EdgeCaller caller, UpstreamSource source, UpstreamCredential rejected, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(rejected);
        if (rejected.CredentialId is not { } credentialId || rejected.AccessTokenSha256 is null)
        {
            return false;
        }
        Invalidate(caller.TenantId, source.Id, caller.SubjectId);
        try
        {
            return await broker.EnsureFreshAsync(caller.TenantId, credentialId, rejected.AccessTokenSha256, ct) is not null;
        }
        catch (BrokerTokenRefusedException)
        {
            throw new UpstreamNotConnectedException(ConnectMessages.NeedsReauthorization(source.DisplayName, source.Namespace));
        }
        catch (HttpRequestException exception)
        {
            // Not the provider's verdict: the credential stays as it is, and the caller may simply try again.
            throw new PlatformUnavailableException(
                $"The platform could not renew your authorization for {source.DisplayName} right now (HTTP {(int?)exception.StatusCode}); try again in a few seconds.", exception);
        }
        finally
        {
            // Again once the broker answered: a copy another call loaded during the renewal may hold the refused token.
            Invalidate(caller.TenantId, source.Id, caller.SubjectId);
        }
    }

    /// <summary>Drops what is cached for one install and subject (either may be null: all of them).</summary>
    public void Invalidate(Guid tenantId, Guid? installId, Guid? subjectId) =>
        _cache.Invalidate(key => key.Tenant == tenantId && (installId is null || key.Install == installId) && (subjectId is null || key.Subject == subjectId));

    private async Task<(UpstreamCredential, TimeSpan)> ResolveAsync(UpstreamSource source, (Guid Tenant, Guid Install, Guid Subject) key, CancellationToken ct)
    {
        var resolution = await clients.Registry.ResolveCredentialAsync(key.Tenant, key.Install, key.Subject, ct)
            ?? throw new UpstreamNotConnectedException(source.ConnectHint);
        var isOAuth = string.Equals(source.AuthMethod, OAuth, StringComparison.Ordinal);
        // An OAuth credential whose access token expired is renewed below, not refused.
        if (!string.Equals(resolution.Status, Active, StringComparison.Ordinal) && !(isOAuth && string.Equals(resolution.Status, Expired, StringComparison.Ordinal)))
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
        var expiresAt = isOAuth ? await RenewIfDueAsync(source, key.Tenant, resolution.CredentialId, resolution.ExpiresAt, ct) : resolution.ExpiresAt;
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
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{headerName}\n{headerValue}")))[..16])
        {
            AccessTokenSha256 = isOAuth ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))) : null,
        };
        return (credential, Lifetime(expiresAt, isOAuth));
    }

    /// <summary>
    /// An OAuth token inside <see cref="McpEdgeOptions.TokenRefreshAhead"/> of its expiry (or past it) is renewed by the
    /// broker first; concurrent calls on this replica share the one load, and the broker's lock makes every replica
    /// share one renewal. A token that still works is used if the broker cannot renew it right now.
    /// </summary>
    private async Task<DateTimeOffset?> RenewIfDueAsync(UpstreamSource source, Guid tenantId, Guid credentialId, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        var now = timeProvider.GetUtcNow();
        if (expiresAt is not { } expiry || expiry - now > options.Value.TokenRefreshAhead)
        {
            return expiresAt;
        }
        try
        {
            return await broker.EnsureFreshAsync(tenantId, credentialId, rejectedTokenSha256: null, ct) is { } state ? state.ExpiresAt : expiresAt;
        }
        catch (BrokerTokenRefusedException)
        {
            throw new UpstreamNotConnectedException(ConnectMessages.NeedsReauthorization(source.DisplayName, source.Namespace));
        }
        catch (HttpRequestException) when (expiry > now)
        {
            return expiresAt;
        }
        catch (HttpRequestException exception)
        {
            throw new PlatformUnavailableException(
                $"The platform could not renew your access to {source.DisplayName} right now (HTTP {(int?)exception.StatusCode}); try again in a few seconds.", exception);
        }
    }

    /// <summary>
    /// Kept for the credential TTL, never past its expiry; an OAuth token only until it enters the renewal window (at
    /// least a second, so a token the broker could not renew is not looked up for every call).
    /// </summary>
    private TimeSpan Lifetime(DateTimeOffset? expiresAt, bool isOAuth)
    {
        var lifetime = options.Value.CredentialTtl;
        if (expiresAt is not { } expiry)
        {
            return lifetime;
        }
        var remaining = expiry - timeProvider.GetUtcNow();
        var usable = isOAuth ? remaining - options.Value.TokenRefreshAhead : remaining;
        if (isOAuth && usable < TimeSpan.FromSeconds(1))
        {
            usable = remaining < TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1);
        }
        return usable < lifetime ? usable : lifetime;
    }
}
