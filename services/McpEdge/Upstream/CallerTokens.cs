using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.IntegrationRegistry.Client;
using Platform.McpEdge.Caching;
using Platform.McpEdge.Catalog;
using Platform.McpEdge.Server;

namespace Platform.McpEdge.Upstream;

/// <summary>
/// Tells an agent called as a tool who is calling, in a form it can verify: a short-lived ES256 JWT in
/// <c>Authorization: Bearer</c>, naming the calling agent (<c>sub</c>), the person it acts for (<c>person</c>), the
/// tenant and the called agent, for the called agent's own MCP URL (<c>aud</c>). Each edge instance signs with its
/// own key, made at start and never written anywhere; its public half is listed in the platform's JWKS (the
/// registry's <c>/api/registry/jwks.json</c>) before the first token is signed and again while it is in use.
/// </summary>
public sealed class CallerTokens : IDisposable
{
    public const string Issuer = "urn:platform:mcp-edge";
    public const string PersonClaim = "person";
    public const string TenantClaim = "tenant";
    public const string CalledAgentClaim = "called_agent";

    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ReuseFor = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan KeyListing = TimeSpan.FromHours(2);
    private static readonly TimeSpan RepublishAfter = TimeSpan.FromMinutes(30);

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly SigningCredentials _signing;
    private readonly JsonElement _publicJwk;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly PlatformClients _clients;
    private readonly TimeProvider _timeProvider;
    private readonly ExpiringCache<(Guid Tenant, Guid Caller, Guid Subject, Guid Agent), UpstreamCredential> _cache;
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private DateTimeOffset _publishedAt = DateTimeOffset.MinValue;

    public CallerTokens(PlatformClients clients, TimeProvider timeProvider)
    {
        _clients = clients;
        _timeProvider = timeProvider;
        _cache = new(timeProvider);
        var securityKey = new ECDsaSecurityKey(_key) { KeyId = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)) };
        _signing = new SigningCredentials(securityKey, SecurityAlgorithms.EcdsaSha256);
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        _publicJwk = JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(parameters.Q.X),
            ["y"] = Base64UrlEncoder.Encode(parameters.Q.Y),
            ["kid"] = KeyId,
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.EcdsaSha256,
        });
    }

    public string KeyId => _signing.Key.KeyId;

    /// <summary>The headers a call from <paramref name="caller"/> to the agent <paramref name="agent"/> presents.</summary>
    public Task<UpstreamCredential> CredentialAsync(EdgeCaller caller, UpstreamSource agent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(agent);
        return _cache.GetOrLoadAsync((caller.TenantId, caller.AgentId, caller.SubjectId, agent.Id), async (_, token) =>
        {
            await EnsurePublishedAsync(agent, token);
            var jwt = Issue(caller, agent);
            var header = "Bearer " + jwt;
            var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(header)))[..16];
            return (new UpstreamCredential(null, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = header }, [jwt, header], fingerprint), ReuseFor);
        }, ct);
    }

    public void Dispose()
    {
        _key.Dispose();
        _publishing.Dispose();
    }

    private string Issue(EdgeCaller caller, UpstreamSource agent)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = agent.Endpoint!.AbsoluteUri,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + TokenLifetime,
            SigningCredentials = _signing,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = caller.AgentId.ToString(),
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString(),
                [PersonClaim] = caller.SubjectId.ToString(),
                [TenantClaim] = caller.TenantId.ToString(),
                [CalledAgentClaim] = agent.Id.ToString(),
            },
        });
    }

    private async Task EnsurePublishedAsync(UpstreamSource agent, CancellationToken ct)
    {
        if (_timeProvider.GetUtcNow() - _publishedAt < RepublishAfter)
        {
            return;
        }
        await _publishing.WaitAsync(ct);
        try
        {
            var now = _timeProvider.GetUtcNow();
            if (now - _publishedAt < RepublishAfter)
            {
                return;
            }
            await _clients.Registry.PublishSigningKeyAsync(KeyId, new SigningKeyRequest(_publicJwk, now + KeyListing), ct);
            _publishedAt = now;
        }
        catch (HttpRequestException exception)
        {
            throw new PlatformUnavailableException(
                $"The platform cannot vouch for you to {agent.DisplayName} right now (its key registry did not answer); try again in a few seconds.", exception);
        }
        finally
        {
            _publishing.Release();
        }
    }
}
