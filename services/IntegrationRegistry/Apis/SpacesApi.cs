using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.IntegrationRegistry.Model;
using Platform.IntegrationRegistry.Security;
using Platform.IntegrationRegistry.Validation;

namespace Platform.IntegrationRegistry.Apis;

/// <summary><c>/api/registry/spaces</c>: named targets of the caller's tenant for webhooks and agent work.</summary>
public static class SpacesApi
{
    public static RouteGroupBuilder MapSpacesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/registry/spaces").WithTags("Spaces").RequireAuthorization(RegistryPolicies.TenantAdmin);
        api.MapGet("/", ListSpaces);
        api.MapGet("/{id:guid}", GetSpace);
        api.MapPost("/", CreateSpace);
        api.MapPut("/{id:guid}", UpdateSpace);
        api.MapDelete("/{id:guid}", DeleteSpace);
        return api;
    }

    public static async Task<Ok<List<Space>>> ListSpaces(ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct) =>
        TypedResults.Ok(await services.Spaces.ListAsync(user.TenantId(), ct));

    public static async Task<Results<Ok<Space>, NotFound>> GetSpace(Guid id, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.Spaces.GetAsync(user.TenantId(), id, ct) is { } space ? TypedResults.Ok(space) : TypedResults.NotFound();

    public static async Task<Results<Created<Space>, ValidationProblem>> CreateSpace(
        SpaceRequest request, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var errors = RequestValidators.Validate(request);
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var space = await services.Spaces.CreateAsync(user.TenantId(), request, ct);
        return TypedResults.Created($"/api/registry/spaces/{space.Id}", space);
    }

    public static async Task<Results<Ok<Space>, NotFound, ValidationProblem>> UpdateSpace(
        Guid id, SpaceRequest request, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var errors = RequestValidators.Validate(request);
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return await services.Spaces.UpdateAsync(user.TenantId(), id, request, ct) is { } space ? TypedResults.Ok(space) : TypedResults.NotFound();
    }

    public static async Task<Results<NoContent, NotFound>> DeleteSpace(Guid id, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.Spaces.DeleteAsync(user.TenantId(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
