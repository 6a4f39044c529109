using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.SecretsVault.Authentication;
using Platform.SecretsVault.Client;
using Platform.SecretsVault.Storage;
using Platform.ServiceDefaults.ServiceAuthentication;

namespace Platform.SecretsVault.Apis;

/// <summary>
/// The vault's internal API for platform services (service credentials; never routed by the gateway). There is
/// no list endpoint: a caller must know a secret's id, and only resolvers get material.
/// </summary>
public static class SecretsApi
{
    public static RouteGroupBuilder MapSecretsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/internal").WithTags("Secrets");
        api.MapPost("/secrets", CreateSecret).RequireServiceCaller(VaultCallers.Writers);
        api.MapPost("/tenants/{tenantId:guid}/secrets/{secretId:guid}/versions", UpdateSecret).RequireServiceCaller(VaultCallers.Writers);
        api.MapGet("/tenants/{tenantId:guid}/secrets/{secretId:guid}/value", ResolveSecret)
            .RequireServiceCaller(VaultCallers.Resolvers)
            .WithMetadata(new AccessLogged(AccessOperations.Resolve));
        api.MapDelete("/tenants/{tenantId:guid}/secrets/{secretId:guid}", RevokeSecret).RequireServiceCaller(VaultCallers.Writers);
        api.MapGet("/tenants/{tenantId:guid}/secrets/{secretId:guid}", GetSecret).RequireServiceCaller(VaultCallers.MetadataReaders);
        return api;
    }

    /// <summary>400 naming the field for a malformed request or a reference that is not the tenant's; 403 for a purpose that is not the caller's.</summary>
    public static async Task<Results<Created<SecretHandle>, ValidationProblem, ProblemHttpResult>> CreateSecret(
        [FromBody] CreateSecretRequest? request, ClaimsPrincipal user, [AsParameters] SecretsServices services, CancellationToken cancellationToken)
    {
        var errors = services.Validator.Validate(request);
        if (errors.Count == 0 && request!.Kind != SecretKinds.Encrypted)
        {
            var tenant = await services.Tenants.FindAsync(request.TenantId, cancellationToken);
            if (tenant.Unavailable)
            {
                return VaultProblems.TenantDirectoryUnavailable();
            }
            errors = services.Validator.ValidateBinding(request, tenant.Slug);
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The secret was refused");
        }
        var handle = await services.Writer.CreateAsync(Caller(user), request!, cancellationToken);
        return handle is null
            ? VaultProblems.Refused()
            : TypedResults.Created($"/internal/tenants/{request!.TenantId}/secrets/{handle.SecretId}", handle);
    }

    public static async Task<Results<Created<SecretHandle>, ValidationProblem, ProblemHttpResult>> UpdateSecret(
        Guid tenantId, Guid secretId, [FromBody] UpdateSecretRequest? request, ClaimsPrincipal user,
        [AsParameters] SecretsServices services, CancellationToken cancellationToken)
    {
        var errors = services.Validator.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The new version was refused");
        }
        var (outcome, handle) = await services.Writer.UpdateAsync(Caller(user), tenantId, secretId, request!.Value, cancellationToken);
        return outcome == WriteOutcome.Done && handle is not null
            ? TypedResults.Created($"/internal/tenants/{tenantId}/secrets/{secretId}", handle)
            : VaultProblems.For(Describe(outcome));
    }

    public static async Task<Results<Ok<ResolvedSecret>, ProblemHttpResult>> ResolveSecret(
        Guid tenantId, Guid secretId, ClaimsPrincipal user, HttpResponse response,
        [AsParameters] SecretsServices services, CancellationToken cancellationToken)
    {
        // Material must never be kept by a cache on the way.
        response.Headers.CacheControl = "no-store";
        try
        {
            var result = await services.Resolver.ResolveAsync(Caller(user), tenantId, secretId, cancellationToken);
            return result.Secret is { } secret ? TypedResults.Ok(secret) : VaultProblems.For(result.Outcome);
        }
        catch (AccessLogUnavailableException)
        {
            // No record, no material.
            return VaultProblems.AccessLogUnavailable();
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeSecret(
        Guid tenantId, Guid secretId, ClaimsPrincipal user, [AsParameters] SecretsServices services, CancellationToken cancellationToken)
    {
        var outcome = await services.Writer.RevokeAsync(Caller(user), tenantId, secretId, cancellationToken);
        return outcome switch
        {
            WriteOutcome.Done or WriteOutcome.Revoked => TypedResults.NoContent(),
            WriteOutcome.Refused => VaultProblems.Refused(),
            _ => VaultProblems.NotFound(),
        };
    }

    public static async Task<Results<Ok<SecretMetadata>, ProblemHttpResult>> GetSecret(
        Guid tenantId, Guid secretId, [AsParameters] SecretsServices services, CancellationToken cancellationToken)
    {
        var secret = await services.Store.FindAsync(tenantId, secretId, cancellationToken);
        return secret is null
            ? VaultProblems.NotFound()
            : TypedResults.Ok(new SecretMetadata(secret.Id, secret.TenantId, secret.Kind, secret.Purpose, secret.Version,
                secret.IsRevoked ? "revoked" : "active", secret.CreatedAt, secret.UpdatedAt, secret.RevokedAt));
    }

    private static string Caller(ClaimsPrincipal user) =>
        user.FindFirst(ServiceCredentialDefaults.ServiceClaim)?.Value
        ?? throw new InvalidOperationException("The endpoint ran without an authenticated platform service.");

    private static string Describe(WriteOutcome outcome) => outcome switch
    {
        WriteOutcome.NotFound => AccessOutcomes.NotFound,
        WriteOutcome.Revoked => AccessOutcomes.Revoked,
        WriteOutcome.Refused => AccessOutcomes.Refused,
        _ => AccessOutcomes.Conflict,
    };
}
