using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.IntegrationRegistry.Model;
using Platform.IntegrationRegistry.Security;
using Platform.IntegrationRegistry.Validation;
using Platform.SecretsVault.Client;

namespace Platform.IntegrationRegistry.Apis;

/// <summary>
/// <c>/api/registry/auth-methods</c>: how the tenant authenticates to a definition it can see. A client secret
/// goes straight to the vault; the registry keeps its handle and shows only that one exists.
/// </summary>
public static class AuthMethodsApi
{
    private const string ClientSecretRole = "client-secret";

    public static RouteGroupBuilder MapAuthMethodsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/registry/auth-methods").WithTags("Auth methods").RequireAuthorization(RegistryPolicies.TenantAdmin);
        api.MapGet("/", ListAuthMethods);
        api.MapGet("/{id:guid}", GetAuthMethod);
        api.MapPost("/", CreateAuthMethod);
        api.MapPut("/{id:guid}", UpdateAuthMethod);
        api.MapDelete("/{id:guid}", DeleteAuthMethod);
        return api;
    }

    public static async Task<Ok<List<AuthMethod>>> ListAuthMethods(ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct) =>
        TypedResults.Ok(await services.AuthMethods.ListAsync(user.TenantId(), ct));

    public static async Task<Results<Ok<AuthMethod>, NotFound>> GetAuthMethod(Guid id, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.AuthMethods.GetAsync(user.TenantId(), id, ct) is { } method ? TypedResults.Ok(method) : TypedResults.NotFound();

    public static async Task<Results<Created<AuthMethod>, ValidationProblem, ProblemHttpResult>> CreateAuthMethod(
        AuthMethodRequest request, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var tenantId = user.TenantId();
        var errors = RequestValidators.Validate(request, creating: true, services.Outbound);
        RequireSecretIfUsed(errors, request, hasSecret: !string.IsNullOrEmpty(request.ClientSecret));
        if (!errors.HasErrors && await services.Definitions.GetVisibleAsync(tenantId, request.DefinitionId!.Value, ct) is null)
        {
            errors.Add("definitionId", "No definition with this id is visible to the tenant.");
        }
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var secret = await WriteClientSecretAsync(tenantId, request, services, ct);
        if (secret.Invalid is { } invalid)
        {
            return invalid;
        }
        if (secret.Failed is { } failed)
        {
            return failed;
        }
        try
        {
            var method = await services.AuthMethods.CreateAsync(tenantId, request, secret.SecretId, request.EffectiveTokenEndpointAuthMethod(secret.SecretId is not null), ct);
            if (method is null)
            {
                await services.SecretWriter.DiscardAsync(tenantId, secret.SecretIds, ct);
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["definitionId"] = ["No definition with this id is visible to the tenant."] });
            }
            return TypedResults.Created($"/api/registry/auth-methods/{method.Id}", method);
        }
        catch
        {
            await services.SecretWriter.DiscardAsync(tenantId, secret.SecretIds, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Replaces the method; its definition cannot change. Omitting <c>clientSecret</c> keeps the stored one.</summary>
    public static async Task<Results<Ok<AuthMethod>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAuthMethod(
        Guid id, AuthMethodRequest request, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var tenantId = user.TenantId();
        var errors = RequestValidators.Validate(request, creating: false, services.Outbound);
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        if (await services.AuthMethods.GetAsync(tenantId, id, ct) is not { } existing)
        {
            return TypedResults.NotFound();
        }
        // Omitting clientSecret keeps the stored one while the method still has a client that authenticates with it.
        var keepSecret = string.IsNullOrEmpty(request.ClientSecret) && existing.HasClientSecret && request.ClientId is not null && request.TokenEndpointAuthMethod != "none";
        RequireSecretIfUsed(errors, request, hasSecret: keepSecret || !string.IsNullOrEmpty(request.ClientSecret));
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        if (request.DefinitionId is { } definitionId && definitionId != existing.DefinitionId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["definitionId"] = ["An auth method's definition cannot change."] });
        }
        var secret = await WriteClientSecretAsync(tenantId, request, services, ct);
        if (secret.Invalid is { } invalid)
        {
            return invalid;
        }
        if (secret.Failed is { } failed)
        {
            return failed;
        }
        try
        {
            var method = await services.AuthMethods.UpdateAsync(
                tenantId, id, request, secret.SecretId, keepSecret, request.EffectiveTokenEndpointAuthMethod(keepSecret || secret.SecretId is not null), ct);
            if (method is null)
            {
                await services.SecretWriter.DiscardAsync(tenantId, secret.SecretIds, ct);
                return TypedResults.NotFound();
            }
            return TypedResults.Ok(method);
        }
        catch
        {
            await services.SecretWriter.DiscardAsync(tenantId, secret.SecretIds, CancellationToken.None);
            throw;
        }
    }

    /// <summary>409 while installs use it; its client secret is revoked in the vault.</summary>
    public static async Task<Results<NoContent, NotFound>> DeleteAuthMethod(Guid id, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.AuthMethods.DeleteAsync(user.TenantId(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static void RequireSecretIfUsed(RequestErrors errors, AuthMethodRequest request, bool hasSecret)
    {
        if (!errors.HasErrors && !hasSecret && RequestValidators.NeedsClientSecret(request, hasSecret))
        {
            errors.Add("clientSecret", $"A client using token endpoint auth method '{request.EffectiveTokenEndpointAuthMethod(hasSecret)}' needs a clientSecret.");
        }
    }

    private static async Task<ClientSecretWrite> WriteClientSecretAsync(Guid tenantId, AuthMethodRequest request, RegistryServices services, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.ClientSecret))
        {
            return new ClientSecretWrite(null);
        }
        var result = await services.SecretWriter.WriteAsync(
            tenantId, SecretPurposes.OAuthClientSecret, new Dictionary<string, SecretInput> { [ClientSecretRole] = new(request.ClientSecret, null, null) }, "clientSecret", ct);
        if (result.VaultUnavailable)
        {
            return new ClientSecretWrite(null, Failed: Problems.DependencyFailed("The secrets vault did not store the client secret; try again."));
        }
        if (result.Errors is { } errors)
        {
            return new ClientSecretWrite(null, Invalid: TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["clientSecret"] = [.. errors.Values.SelectMany(m => m)] }));
        }
        return new ClientSecretWrite(result.Handles[ClientSecretRole]);
    }

    private sealed record ClientSecretWrite(Guid? SecretId, ValidationProblem? Invalid = null, ProblemHttpResult? Failed = null)
    {
        public IEnumerable<Guid> SecretIds => SecretId is { } id ? [id] : [];
    }
}
