using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.IntegrationRegistry.Data;
using Platform.IntegrationRegistry.Model;
using Platform.IntegrationRegistry.Security;

namespace Platform.IntegrationRegistry.Apis;

/// <summary>
/// <c>/api/registry/agents/{id}/callers</c>: which other agents of the tenant may use this agent's MCP endpoint as
/// tools. Nobody unless listed, so an agent cannot be made a deputy of someone its owner never chose.
/// </summary>
public static class AgentCallersApi
{
    private const int MaxCallers = 500;

    public static RouteGroupBuilder MapAgentCallersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/registry/agents").WithTags("Agents").RequireAuthorization(RegistryPolicies.TenantAdmin);
        api.MapGet("/{id:guid}/callers", GetCallers);
        api.MapPut("/{id:guid}/callers", ReplaceCallers);
        return api;
    }

    public static async Task<Results<Ok<AgentCallers>, NotFound>> GetCallers(Guid id, ClaimsPrincipal user, AgentCallerStore callers, CancellationToken ct) =>
        await callers.GetAsync(user.TenantId(), id, ct) is { } list ? TypedResults.Ok(new AgentCallers(list)) : TypedResults.NotFound();

    /// <summary>Replaces the list; 400 naming <c>agentIds</c> for an id that is not another agent of the tenant.</summary>
    public static async Task<Results<Ok<AgentCallers>, NotFound, ValidationProblem>> ReplaceCallers(
        Guid id, AgentCallers request, ClaimsPrincipal user, AgentCallerStore callers, CancellationToken ct)
    {
        var ids = request.AgentIds ?? [];
        var tenantId = user.TenantId();
        string? error = ids.Count > MaxCallers ? $"At most {MaxCallers} agents may be listed."
            : ids.Contains(id) ? "An agent cannot be listed as its own caller."
            : ids.Contains(Guid.Empty) ? "Agent ids must be the ids of agents of this tenant."
            : null;
        if (error is null && await callers.UnknownAsync(tenantId, ids, ct) is { Count: > 0 } unknown)
        {
            error = $"No agent of this tenant has the id {unknown[0]}.";
        }
        if (error is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["agentIds"] = [error] });
        }
        return await callers.ReplaceAsync(tenantId, id, ids, ct) is { } list ? TypedResults.Ok(new AgentCallers(list)) : TypedResults.NotFound();
    }
}
