using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.IntegrationRegistry.Model;
using Platform.IntegrationRegistry.Security;
using Platform.IntegrationRegistry.Validation;

namespace Platform.IntegrationRegistry.Apis;

/// <summary>
/// <c>/api/registry/definitions</c>: the tenant's own definitions plus the platform-wide ones, which tenants can
/// read and install but only the operator changes.
/// </summary>
public static class DefinitionsApi
{
    public static RouteGroupBuilder MapDefinitionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/registry/definitions").WithTags("Definitions").RequireAuthorization(RegistryPolicies.TenantAdmin);
        api.MapGet("/", ListDefinitions);
        api.MapGet("/{id:guid}", GetDefinition);
        api.MapPost("/", CreateDefinition);
        api.MapPut("/{id:guid}", UpdateDefinition);
        api.MapDelete("/{id:guid}", DeleteDefinition);
        return api;
    }

    public static async Task<Ok<List<Definition>>> ListDefinitions(ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct) =>
        TypedResults.Ok(await services.Definitions.ListAsync(user.TenantId(), ct));

    public static async Task<Results<Ok<Definition>, NotFound>> GetDefinition(Guid id, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.Definitions.GetVisibleAsync(user.TenantId(), id, ct) is { } definition ? TypedResults.Ok(definition) : TypedResults.NotFound();

    public static async Task<Results<Created<Definition>, ValidationProblem>> CreateDefinition(
        DefinitionRequest request, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var errors = RequestValidators.Validate(request, services.Outbound);
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var definition = await services.Definitions.CreateAsync(user.TenantId(), request, ct);
        return TypedResults.Created($"/api/registry/definitions/{definition.Id}", definition);
    }

    public static async Task<Results<Ok<Definition>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateDefinition(
        Guid id, DefinitionRequest request, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var errors = RequestValidators.Validate(request, services.Outbound);
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        if (await services.Definitions.GetVisibleAsync(user.TenantId(), id, ct) is { PlatformWide: true })
        {
            return PlatformWideIsReadOnly();
        }
        return await services.Definitions.UpdateAsync(user.TenantId(), id, request, ct) is { } definition ? TypedResults.Ok(definition) : TypedResults.NotFound();
    }

    /// <summary>409 while auth methods of the tenant use it.</summary>
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteDefinition(
        Guid id, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        if (await services.Definitions.GetVisibleAsync(user.TenantId(), id, ct) is { PlatformWide: true })
        {
            return PlatformWideIsReadOnly();
        }
        return await services.Definitions.DeleteAsync(user.TenantId(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static ProblemHttpResult PlatformWideIsReadOnly() =>
        TypedResults.Problem(
            title: "Platform-wide definitions are read-only to tenants.",
            detail: "Only the platform operator changes platform-wide definitions; create a tenant definition instead.",
            statusCode: StatusCodes.Status403Forbidden);
}
