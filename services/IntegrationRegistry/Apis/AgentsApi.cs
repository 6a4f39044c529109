using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.IntegrationRegistry.Model;
using Platform.IntegrationRegistry.Security;
using Platform.IntegrationRegistry.Validation;

namespace Platform.IntegrationRegistry.Apis;

/// <summary><c>/api/registry/agents</c>: agents of the caller's tenant and their tokens (shown once, revocable).</summary>
public static class AgentsApi
{
    public static RouteGroupBuilder MapAgentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/registry/agents").WithTags("Agents").RequireAuthorization(RegistryPolicies.TenantAdmin);
        api.MapGet("/", ListAgents);
        api.MapGet("/{id:guid}", GetAgent);
        api.MapPost("/", CreateAgent);
        api.MapPut("/{id:guid}", UpdateAgent);
        api.MapDelete("/{id:guid}", DeleteAgent);
        api.MapGet("/{id:guid}/tokens", ListTokens);
        api.MapPost("/{id:guid}/tokens", IssueToken);
        api.MapPost("/{id:guid}/tokens/{tokenId:guid}/revoke", RevokeToken);
        return api;
    }

    public static async Task<Ok<List<Agent>>> ListAgents(ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct) =>
        TypedResults.Ok(await services.Agents.ListAsync(user.TenantId(), ct));

    public static async Task<Results<Ok<Agent>, NotFound>> GetAgent(Guid id, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.Agents.GetAsync(user.TenantId(), id, ct) is { } agent ? TypedResults.Ok(agent) : TypedResults.NotFound();

    public static async Task<Results<Created<Agent>, ValidationProblem>> CreateAgent(
        AgentRequest request, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var errors = await ValidateAsync(request, user.TenantId(), services, ct);
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var agent = await services.Agents.CreateAsync(user.TenantId(), request, ct);
        return TypedResults.Created($"/api/registry/agents/{agent.Id}", agent);
    }

    public static async Task<Results<Ok<Agent>, NotFound, ValidationProblem>> UpdateAgent(
        Guid id, AgentRequest request, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var errors = await ValidateAsync(request, user.TenantId(), services, ct);
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var agent = await services.Agents.UpdateAsync(user.TenantId(), id, request, ct);
        services.PrincipalCache.InvalidateAgent(id);
        return agent is null ? TypedResults.NotFound() : TypedResults.Ok(agent);
    }

    /// <summary>Deletes the agent; its tokens stop working at once.</summary>
    public static async Task<Results<NoContent, NotFound>> DeleteAgent(Guid id, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var deleted = await services.Agents.DeleteAsync(user.TenantId(), id, ct);
        services.PrincipalCache.InvalidateAgent(id);
        return deleted ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<List<AgentTokenInfo>>, NotFound>> ListTokens(
        Guid id, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        if (await services.Agents.GetAsync(user.TenantId(), id, ct) is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await services.AgentTokens.ListAsync(user.TenantId(), id, ct));
    }

    /// <summary>Issues a token; its value is in this answer and nowhere else, ever.</summary>
    public static async Task<Results<Created<IssuedAgentToken>, NotFound, ValidationProblem>> IssueToken(
        Guid id, IssueTokenRequest request, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var errors = RequestValidators.Validate(request, services.Now);
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return await services.AgentTokens.IssueAsync(user.TenantId(), id, request, ct) is { } token
            ? TypedResults.Created($"/api/registry/agents/{id}/tokens/{token.Id}", token)
            : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<AgentTokenInfo>, NotFound>> RevokeToken(
        Guid id, Guid tokenId, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var token = await services.AgentTokens.RevokeAsync(user.TenantId(), id, tokenId, ct);
        services.PrincipalCache.InvalidateAgent(id);
        return token is null ? TypedResults.NotFound() : TypedResults.Ok(token);
    }

    private static async Task<RequestErrors> ValidateAsync(AgentRequest request, Guid tenantId, RegistryServices services, CancellationToken ct)
    {
        var errors = RequestValidators.Validate(request, services.Outbound);
        if (request.SubjectIdentityId is { } subject && subject != Guid.Empty && await services.Identities.GetAsync(tenantId, subject, ct) is null)
        {
            errors.Add("subjectIdentityId", "No identity with this id exists in the tenant.");
        }
        return errors;
    }
}
