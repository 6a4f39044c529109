using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.IntegrationRegistry.Validation;

/// <summary>Problem details for the errors the admin API answers besides validation.</summary>
public static class Problems
{
    /// <summary>409: a unique field is taken, or the thing is still in use; names the field like a validation problem.</summary>
    public static ProblemHttpResult Conflict(string field, string message) =>
        TypedResults.Problem(
            title: "The request conflicts with the current state.",
            detail: message,
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    /// <summary>502/503: a service this one depends on (the vault) refused or was unreachable.</summary>
    public static ProblemHttpResult DependencyFailed(string detail) =>
        TypedResults.Problem(title: "A platform service the registry depends on failed.", detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable);
}
