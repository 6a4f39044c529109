using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.IntegrationRegistry.Client.Authentication;

/// <summary>
/// Scheme <c>AgentToken</c>: <c>Authorization: Bearer agt_...</c> → claims <c>tenant_id</c>, <c>tenant_slug</c>,
/// <c>agent_id</c>, <c>agent_name</c>, <c>agent_slug</c>, <c>subject_id</c>, <c>subject_name</c>; 401 with <c>WWW-Authenticate: Bearer</c> otherwise.
/// </summary>
public sealed class AgentTokenAuthenticationHandler(
    IOptionsMonitor<RegistryBearerOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IRegistryAuthenticator authenticator,
    IPrincipalCache cache)
    : RegistryBearerHandler<AgentPrincipal>(options, loggerFactory, encoder, authenticator, cache)
{
    protected override string TokenPrefix => RegistryAuthenticationDefaults.AgentTokenPrefix;

    protected override Task<AgentPrincipal?> LookupAsync(IRegistryAuthenticator registry, string token, CancellationToken ct) =>
        registry.AuthenticateAgentAsync(token, ct);

    protected override IEnumerable<Claim> CreateClaims(AgentPrincipal principal) =>
    [
        new(RegistryClaimTypes.TenantId, principal.TenantId.ToString()),
        new(RegistryClaimTypes.TenantSlug, principal.TenantSlug),
        new(RegistryClaimTypes.AgentId, principal.AgentId.ToString()),
        new(RegistryClaimTypes.AgentName, principal.AgentName),
        new(RegistryClaimTypes.SubjectId, principal.SubjectIdentityId.ToString()),
        new(ClaimTypes.Name, principal.AgentName),
        .. Optional(RegistryClaimTypes.AgentSlug, principal.AgentSlug),
        .. Optional(RegistryClaimTypes.SubjectName, principal.SubjectName),
    ];

    private static IEnumerable<Claim> Optional(string type, string? value) => string.IsNullOrEmpty(value) ? [] : [new Claim(type, value)];
}
