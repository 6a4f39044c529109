using System.Security.Claims;
using Platform.IntegrationRegistry.Client.Authentication;

namespace Platform.McpEdge.Server;

/// <summary>The authenticated agent behind one request, and the subject (person) it acts for inside one tenant.</summary>
public sealed record EdgeCaller(Guid TenantId, string TenantSlug, Guid AgentId, string AgentName, Guid SubjectId)
{
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
            subjectId);
    }
}
