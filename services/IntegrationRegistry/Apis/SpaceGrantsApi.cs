using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.IntegrationRegistry.Client;
using Platform.IntegrationRegistry.Data;
using Platform.IntegrationRegistry.Model;
using Platform.IntegrationRegistry.Security;
using Platform.IntegrationRegistry.Validation;

namespace Platform.IntegrationRegistry.Apis;

/// <summary>
/// <c>/api/registry/spaces/{spaceId}/grants</c>: which agents of the caller's tenant may read the Space's events
/// through the MCP edge, and how much of them. A Space or agent of another tenant is 404, like one that does not exist.
/// </summary>
public static class SpaceGrantsApi
{
    public static RouteGroupBuilder MapSpaceGrantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/registry/spaces/{spaceId:guid}/grants").WithTags("Spaces").RequireAuthorization(RegistryPolicies.TenantAdmin);
        api.MapGet("/", ListGrants).WithSummary("The agents that may read the Space's events.");
        api.MapPut("/{agentId:guid}", PutGrant)
            .WithSummary("Lets the agent read the Space: scope 'person' (default: its person's events and events with no subject) or 'whole-space'.");
        api.MapDelete("/{agentId:guid}", RevokeGrant).WithSummary("Revokes the agent's access to the Space at once.");
        return api;
    }

    public static async Task<Results<Ok<List<SpaceGrant>>, NotFound>> ListGrants(
        Guid spaceId, ClaimsPrincipal user, SpaceGrantStore grants, CancellationToken ct) =>
        await grants.ListAsync(user.TenantId(), spaceId, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    public static async Task<Results<Ok<SpaceGrant>, NotFound, ValidationProblem>> PutGrant(
        Guid spaceId, Guid agentId, SpaceGrantRequest? request, ClaimsPrincipal user, SpaceGrantStore grants, CancellationToken ct)
    {
        request ??= new SpaceGrantRequest(null);
        var errors = RequestValidators.Validate(request);
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var grant = await grants.PutAsync(user.TenantId(), spaceId, agentId, request.Scope ?? SpaceGrantScopes.Person, ct);
        return grant is null ? TypedResults.NotFound() : TypedResults.Ok(grant);
    }

    public static async Task<Results<NoContent, NotFound>> RevokeGrant(
        Guid spaceId, Guid agentId, ClaimsPrincipal user, SpaceGrantStore grants, CancellationToken ct) =>
        await grants.DeleteAsync(user.TenantId(), spaceId, agentId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
