using Microsoft.AspNetCore.Http.HttpResults;
using Platform.IntegrationRegistry.Model;
using Platform.IntegrationRegistry.Security;
using Platform.IntegrationRegistry.Validation;

namespace Platform.IntegrationRegistry.Apis;

/// <summary>
/// <c>/api/registry/operator</c>, for the platform operator key only: tenants (each created with its first admin
/// key, shown once), a fresh admin key for a tenant that lost its own, and the platform-wide definitions.
/// </summary>
public static class OperatorApi
{
    public static RouteGroupBuilder MapOperatorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/registry/operator").WithTags("Operator").RequireAuthorization(RegistryPolicies.Operator);
        api.MapGet("/tenants", ListTenants);
        api.MapPost("/tenants", CreateTenant);
        api.MapPost("/tenants/{id:guid}/admin-keys", IssueAdminKey);
        api.MapGet("/definitions", ListPlatformDefinitions);
        api.MapPost("/definitions", CreatePlatformDefinition);
        api.MapPut("/definitions/{id:guid}", UpdatePlatformDefinition);
        api.MapDelete("/definitions/{id:guid}", DeletePlatformDefinition);
        return api;
    }

    public static async Task<Ok<List<Tenant>>> ListTenants([AsParameters] RegistryServices services, CancellationToken ct) =>
        TypedResults.Ok(await services.Tenants.ListAsync(ct));

    /// <summary>Creates the tenant and its first admin key; 409 if the slug is taken.</summary>
    public static async Task<Results<Created<CreatedTenant>, ValidationProblem>> CreateTenant(
        CreateTenantRequest request, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var errors = RequestValidators.Validate(request, services.Now);
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var created = await services.Tenants.CreateAsync(request.Slug!, request.Name!, request.AdminKeyExpiresAt, ct);
        return TypedResults.Created($"/api/registry/operator/tenants/{created.Tenant.Id}", created);
    }

    public static async Task<Results<Created<IssuedAdminKey>, NotFound, ValidationProblem>> IssueAdminKey(
        Guid id, IssueTokenRequest request, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var errors = RequestValidators.Validate(request, services.Now);
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        if (await services.Tenants.GetAsync(id, ct) is null)
        {
            return TypedResults.NotFound();
        }
        var key = await services.AdminKeys.IssueAsync(id, request, ct);
        return TypedResults.Created($"/api/registry/admin-keys/{key.Id}", key);
    }

    public static async Task<Ok<List<Definition>>> ListPlatformDefinitions([AsParameters] RegistryServices services, CancellationToken ct) =>
        TypedResults.Ok(await services.Definitions.ListAsync(null, ct));

    public static async Task<Results<Created<Definition>, ValidationProblem>> CreatePlatformDefinition(
        DefinitionRequest request, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var errors = RequestValidators.Validate(request, services.Outbound);
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var definition = await services.Definitions.CreateAsync(null, request, ct);
        return TypedResults.Created($"/api/registry/definitions/{definition.Id}", definition);
    }

    public static async Task<Results<Ok<Definition>, NotFound, ValidationProblem>> UpdatePlatformDefinition(
        Guid id, DefinitionRequest request, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var errors = RequestValidators.Validate(request, services.Outbound);
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return await services.Definitions.UpdateAsync(null, id, request, ct) is { } definition ? TypedResults.Ok(definition) : TypedResults.NotFound();
    }

    /// <summary>409 while any tenant's auth method uses it.</summary>
    public static async Task<Results<NoContent, NotFound>> DeletePlatformDefinition(Guid id, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.Definitions.DeleteAsync(null, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
