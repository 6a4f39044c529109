using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.IntegrationRegistry.Model;
using Platform.IntegrationRegistry.Security;
using Platform.IntegrationRegistry.Validation;

namespace Platform.IntegrationRegistry.Apis;

/// <summary>
/// <c>/api/registry/installs</c>: instances of definitions in the caller's tenant, with their auth method, tool
/// allow/deny lists and call timeout. Every change announces <c>CatalogChanged</c>.
/// </summary>
public static class InstallsApi
{
    public static RouteGroupBuilder MapInstallsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/registry/installs").WithTags("Installs").RequireAuthorization(RegistryPolicies.TenantAdmin);
        api.MapGet("/", ListInstalls);
        api.MapGet("/{id:guid}", GetInstall);
        api.MapPost("/", CreateInstall);
        api.MapPut("/{id:guid}", UpdateInstall);
        api.MapDelete("/{id:guid}", DeleteInstall);
        return api;
    }

    public static async Task<Ok<List<Install>>> ListInstalls(ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct) =>
        TypedResults.Ok(await services.Installs.ListAsync(user.TenantId(), ct));

    public static async Task<Results<Ok<Install>, NotFound>> GetInstall(Guid id, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.Installs.GetAsync(user.TenantId(), id, ct) is { } install ? TypedResults.Ok(install) : TypedResults.NotFound();

    /// <summary>The definition comes from the auth method; <c>definitionId</c>, if given, must match it. 409 if the slug is taken.</summary>
    public static async Task<Results<Created<Install>, ValidationProblem>> CreateInstall(
        InstallRequest request, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var (errors, definitionId) = await ValidateAsync(request, user.TenantId(), services, ct);
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var install = await services.Installs.CreateAsync(user.TenantId(), definitionId, request, ct);
        return TypedResults.Created($"/api/registry/installs/{install.Id}", install);
    }

    public static async Task<Results<Ok<Install>, NotFound, ValidationProblem>> UpdateInstall(
        Guid id, InstallRequest request, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var (errors, definitionId) = await ValidateAsync(request, user.TenantId(), services, ct);
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return await services.Installs.UpdateAsync(user.TenantId(), id, definitionId, request, ct) is { } install ? TypedResults.Ok(install) : TypedResults.NotFound();
    }

    /// <summary>Deletes the install; its credentials are revoked (vault secrets too) and announced.</summary>
    public static async Task<Results<NoContent, NotFound>> DeleteInstall(Guid id, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.Installs.DeleteAsync(user.TenantId(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<(RequestErrors Errors, Guid DefinitionId)> ValidateAsync(
        InstallRequest request, Guid tenantId, RegistryServices services, CancellationToken ct)
    {
        var errors = RequestValidators.Validate(request);
        if (errors.HasErrors)
        {
            return (errors, Guid.Empty);
        }
        if (await services.AuthMethods.GetAsync(tenantId, request.AuthMethodId!.Value, ct) is not { } method)
        {
            errors.Add("authMethodId", "No auth method with this id exists in the tenant.");
            return (errors, Guid.Empty);
        }
        if (request.DefinitionId is { } definitionId && definitionId != method.DefinitionId)
        {
            errors.Add("definitionId", "The definitionId must be the auth method's definition.");
        }
        return (errors, method.DefinitionId);
    }
}
