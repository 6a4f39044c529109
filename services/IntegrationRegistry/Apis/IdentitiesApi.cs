using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.IntegrationRegistry.Model;
using Platform.IntegrationRegistry.Security;
using Platform.IntegrationRegistry.Validation;

namespace Platform.IntegrationRegistry.Apis;

/// <summary><c>/api/registry/identities</c>: the people of the caller's tenant.</summary>
public static class IdentitiesApi
{
    public static RouteGroupBuilder MapIdentitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/registry/identities").WithTags("Identities").RequireAuthorization(RegistryPolicies.TenantAdmin);
        api.MapGet("/", ListIdentities);
        api.MapGet("/{id:guid}", GetIdentity);
        api.MapPost("/", CreateIdentity);
        api.MapPut("/{id:guid}", UpdateIdentity);
        api.MapDelete("/{id:guid}", DeleteIdentity);
        return api;
    }

    public static async Task<Ok<List<Identity>>> ListIdentities(ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct) =>
        TypedResults.Ok(await services.Identities.ListAsync(user.TenantId(), ct));

    public static async Task<Results<Ok<Identity>, NotFound>> GetIdentity(Guid id, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.Identities.GetAsync(user.TenantId(), id, ct) is { } identity ? TypedResults.Ok(identity) : TypedResults.NotFound();

    public static async Task<Results<Created<Identity>, ValidationProblem>> CreateIdentity(
        IdentityRequest request, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var errors = RequestValidators.Validate(request);
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var identity = await services.Identities.CreateAsync(user.TenantId(), request, ct);
        return TypedResults.Created($"/api/registry/identities/{identity.Id}", identity);
    }

    public static async Task<Results<Ok<Identity>, NotFound, ValidationProblem>> UpdateIdentity(
        Guid id, IdentityRequest request, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var errors = RequestValidators.Validate(request);
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var identity = await services.Identities.UpdateAsync(user.TenantId(), id, request, ct);
        // Agents acting for it carry its name in their principals.
        services.PrincipalCache.InvalidateTenant(user.TenantId());
        return identity is null ? TypedResults.NotFound() : TypedResults.Ok(identity);
    }

    /// <summary>409 while agents act for the identity or it holds credentials.</summary>
    public static async Task<Results<NoContent, NotFound>> DeleteIdentity(Guid id, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.Identities.DeleteAsync(user.TenantId(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
