using System.Security.Claims;
using Platform.IntegrationRegistry.Client.Authentication;

namespace Platform.McpEdge.Server;

/// <summary>
/// The authenticated agent behind one request, and the subject (person) it acts for inside one tenant; the agent's
/// slug and the subject's name are as the registry answered when the token was last looked up (a rename drops it).
/// </summary>
public sealed record EdgeCaller(Guid TenantId, string TenantSlug, Guid AgentId, string AgentName, Guid SubjectId)
{
    public string? AgentSlug { get; init; }

    public string? SubjectName { get; init; }

    /// <summary>Reads the claims the registry's <c>AgentToken</c> scheme issues; null when any is missing.</summary>
    public static EdgeCaller? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal is null
            || !Guid.TryParse(principal.FindFirstValue(RegistryClaimTypes.TenantId), out var tenantId)
            || !Guid.TryParse(principal.FindFirstValue(RegistryClaimTypes.AgentId), out var agentId)
            || !Guid.TryParse(principal.FindFirstValue(RegistryClaimTypes.SubjectId), out var subjectId))
        {
            return null;
        }
        return new EdgeCaller(
            tenantId,
            principal.FindFirstValue(RegistryClaimTypes.TenantSlug) ?? "",
            agentId,
            principal.FindFirstValue(RegistryClaimTypes.AgentName) ?? "",
            subjectId)
        {
            AgentSlug = principal.FindFirstValue(RegistryClaimTypes.AgentSlug),
            SubjectName = principal.FindFirstValue(RegistryClaimTypes.SubjectName),
        };
    }
}
