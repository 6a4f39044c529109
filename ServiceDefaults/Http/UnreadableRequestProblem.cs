using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// The problem details for a request the endpoint's binder could not read (<see cref="BadHttpRequestException"/>):
/// a body that is not JSON, <c>null</c>, or a value of the wrong type (named by its JSON path, e.g. <c>enabled</c>),
/// a missing body, a parameter that does not parse. Never the value itself.
/// </summary>
public static class UnreadableRequestProblem
{
    /// <summary>400 (or the exception's own 4xx) naming the field where the binder says which; null for any other exception.</summary>
    public static ProblemDetails? From(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => Invalid(json.Path),
        BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read." },
        _ => null,
    };

    private static ValidationProblemDetails Invalid(string? jsonPath)
    {
        var field = string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.TrimStart('$', '.');
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = ["The value is not of the expected type or form."] })
        {
            Status = StatusCodes.Status400BadRequest,
        };
    }
}
