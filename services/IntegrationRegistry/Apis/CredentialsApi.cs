using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.IntegrationRegistry.Model;
using Platform.IntegrationRegistry.Security;
using Platform.IntegrationRegistry.Validation;
using Platform.SecretsVault.Client;

namespace Platform.IntegrationRegistry.Apis;

/// <summary>
/// <c>/api/registry/credentials</c>: created with secret material, which goes straight to the vault (the registry
/// keeps only handles); listed with status and secret roles, never material; revoked one by one, which revokes
/// the vault secrets too.
/// </summary>
public static class CredentialsApi
{
    public static RouteGroupBuilder MapCredentialsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/registry/credentials").WithTags("Credentials").RequireAuthorization(RegistryPolicies.TenantAdmin);
        api.MapGet("/", ListCredentials);
        api.MapGet("/{id:guid}", GetCredential);
        api.MapPost("/", CreateCredential);
        api.MapPost("/{id:guid}/revoke", RevokeCredential);
        return api;
    }

    public static async Task<Ok<List<Credential>>> ListCredentials(
        Guid? installId, Guid? subjectIdentityId, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct) =>
        TypedResults.Ok(await services.Credentials.ListAsync(user.TenantId(), installId, subjectIdentityId, ct));

    public static async Task<Results<Ok<Credential>, NotFound>> GetCredential(Guid id, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.Credentials.GetAsync(user.TenantId(), id, ct) is { } credential ? TypedResults.Ok(credential) : TypedResults.NotFound();

    /// <summary>409 if the subject already holds a live credential on the install (revoke it first).</summary>
    public static async Task<Results<Created<Credential>, ValidationProblem, ProblemHttpResult>> CreateCredential(
        CredentialRequest request, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        var tenantId = user.TenantId();
        var errors = RequestValidators.Validate(request, services.Now);
        if (!errors.HasErrors)
        {
            await ValidateReferencesAsync(errors, request, tenantId, services, ct);
        }
        if (errors.HasErrors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var live = await services.Credentials.ListAsync(tenantId, request.InstallId, request.SubjectIdentityId, ct);
        if (live.Any(c => c.Status != "revoked"))
        {
            return Problems.Conflict("subjectIdentityId", "The subject already holds a live credential on this install; revoke it first.");
        }
        var written = await services.SecretWriter.WriteAsync(tenantId, SecretPurposes.UpstreamCredential, request.Secrets!, "secrets", ct);
        if (written.VaultUnavailable)
        {
            return Problems.DependencyFailed("The secrets vault did not store the credential's secrets; try again.");
        }
        if (written.Errors is { } vaultErrors)
        {
            return TypedResults.ValidationProblem(vaultErrors);
        }
        try
        {
            var credential = await services.Credentials.CreateAsync(tenantId, request, written.Handles, ct);
            return TypedResults.Created($"/api/registry/credentials/{credential.Id}", credential);
        }
        catch
        {
            await services.SecretWriter.DiscardAsync(tenantId, written.Handles.Values, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Revokes the credential (idempotent) and, right after, its vault secrets.</summary>
    public static async Task<Results<Ok<Credential>, NotFound>> RevokeCredential(Guid id, ClaimsPrincipal user, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.Credentials.RevokeAsync(user.TenantId(), id, ct) is { } revoked ? TypedResults.Ok(revoked.Credential) : TypedResults.NotFound();

    private static async Task ValidateReferencesAsync(RequestErrors errors, CredentialRequest request, Guid tenantId, RegistryServices services, CancellationToken ct)
    {
        if (await services.Identities.GetAsync(tenantId, request.SubjectIdentityId!.Value, ct) is null)
        {
            errors.Add("subjectIdentityId", "No identity with this id exists in the tenant.");
        }
        if (await services.Installs.GetAsync(tenantId, request.InstallId!.Value, ct) is not { } install)
        {
            errors.Add("installId", "No install with this id exists in the tenant.");
            return;
        }
        var method = await services.AuthMethods.GetAsync(tenantId, install.AuthMethodId, ct);
        if (method is null || RegistryVocabulary.KindsWithoutSubjectCredential.Contains(method.Kind))
        {
            errors.Add("installId", $"The install's auth method ({method?.Kind}) takes no per-subject credential.");
        }
        else if (method.Kind == "static" && !request.Secrets!.ContainsKey(RegistryVocabulary.ApiKeyRole))
        {
            errors.Add("secrets", $"A credential for a 'static' auth method needs the secret '{RegistryVocabulary.ApiKeyRole}'.");
        }
    }
}
