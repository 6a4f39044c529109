using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.IntegrationRegistry.Model;
using Platform.IntegrationRegistry.Security;
using Platform.IntegrationRegistry.Validation;

namespace Platform.IntegrationRegistry.Apis;

/// <summary><c>/api/registry/admin-keys</c>: the caller's tenant's admin keys (shown once, revocable).</summary>
public static class AdminKeysApi
{
    public static RouteGroupBuilder MapAdminKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/registry/admin-keys").WithTags("Admin keys").RequireAuthorization(RegistryPolicies.TenantAdmin);
        api.MapGet("/", ListAdminKeys);
        api.MapPost("/", IssueAdminKey);
        api.MapPost("/{id:guid}/revoke", RevokeAdminKey);
        return api;
    }

    public static async Task<Ok<List<AdminKeyInfo>>> ListAdminKeys(ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct) =>
        TypedResults.Ok(await services.AdminKeys.ListAsync(user.TenantId(), ct));

    /// <summary>Issues a key; its value is in this answer and nowhere else, ever.</summary>
    public static async Task<Results<Created<IssuedAdminKey>, ValidationProblem>> IssueAdminKey(
        IssueTokenRequest request, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var errors = RequestValidators.Validate(request, services.Now);
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var key = await services.AdminKeys.IssueAsync(user.TenantId(), request, ct);
        return TypedResults.Created($"/api/registry/admin-keys/{key.Id}", key);
    }

    public static async Task<Results<Ok<AdminKeyInfo>, NotFound>> RevokeAdminKey(
        Guid id, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var key = await services.AdminKeys.RevokeAsync(user.TenantId(), id, ct);
        services.PrincipalCache.InvalidateAdminKey(id);
        return key is null ? TypedResults.NotFound() : TypedResults.Ok(key);
    }
}
