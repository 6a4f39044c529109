using Microsoft.AspNetCore.Http.HttpResults;
using Platform.SecretsVault.Storage;

namespace Platform.SecretsVault.Apis;

/// <summary>The vault's problem details; none carries material or repeats what the caller sent.</summary>
public static class VaultProblems
{
    public static ProblemHttpResult NotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Secret not found", detail: "This tenant has no secret with this id.");

    public static ProblemHttpResult Revoked() => TypedResults.Problem(
        statusCode: StatusCodes.Status410Gone, title: "Secret revoked", detail: "The secret was revoked and its key material destroyed.");

    public static ProblemHttpResult NotEncrypted() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "Secret takes no new material",
        detail: "Only an encrypted secret has versions written through the vault; create a new reference instead.");

    public static ProblemHttpResult SourceUnavailable() => TypedResults.Problem(
        statusCode: StatusCodes.Status502BadGateway, title: "Secret source unavailable",
        detail: "The secret's source (environment variable or Azure Key Vault) could not provide it.");

    public static ProblemHttpResult Undecryptable() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable, title: "Secret cannot be decrypted",
        detail: "The vault cannot decrypt this secret with its configured master keys; an operator must look at it.");

    public static ProblemHttpResult Refused() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Secret refused",
        detail: "This service may not use a secret of this purpose, or the secret's reference does not belong to its tenant.");

    public static ProblemHttpResult TenantDirectoryUnavailable() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable, title: "Tenant unknown for now",
        detail: "The vault could not learn the tenant's slug from the registry, which env and cloud references are bound to; try again.");

    public static ProblemHttpResult AccessLogUnavailable() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable, title: "Access log unavailable",
        detail: "The vault could not record this access, so it answers without the secret; try again.");

    /// <summary>The problem for a resolve or write that did not end "ok".</summary>
    public static ProblemHttpResult For(string outcome) => outcome switch
    {
        AccessOutcomes.NotFound => NotFound(),
        AccessOutcomes.Revoked => Revoked(),
        AccessOutcomes.SourceUnavailable => SourceUnavailable(),
        AccessOutcomes.Conflict => NotEncrypted(),
        AccessOutcomes.Refused => Refused(),
        _ => Undecryptable(),
    };
}
