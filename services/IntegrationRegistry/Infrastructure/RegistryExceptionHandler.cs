using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Platform.ServiceDefaults.Http;

namespace Platform.IntegrationRegistry.Infrastructure;

/// <summary>
/// Turns what the database and the JSON binder refuse into problem details instead of 500s: a taken unique name
/// or slug → 409 naming the field; a row still referenced → 409; unreadable JSON or a value a CHECK refuses → 400.
/// </summary>
public sealed class RegistryExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique => Conflict(
                FieldOf(unique.ConstraintName), "Another entry of the tenant already uses this value."),
            PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } reference => Conflict(
                "id", $"The entry is still referenced by {reference.TableName ?? "other entries"}; remove those first."),
            // The API validates first; a CHECK that still fires means validation missed a case, which is still the caller's input.
            PostgresException { SqlState: PostgresErrorCodes.CheckViolation } => Invalid(),
            _ => UnreadableRequestProblem.From(exception),
        };
        if (problem is null)
        {
            return false;
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Conflict(string field, string message) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "The request conflicts with the current state.",
        Detail = message,
        Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } },
    };

    private static ValidationProblemDetails Invalid() =>
        new(new Dictionary<string, string[]> { ["body"] = ["The value is not of the expected type or form."] })
        {
            Status = StatusCodes.Status400BadRequest,
        };

    private static string FieldOf(string? constraint) => constraint switch
    {
        "credentials_live" => "subjectIdentityId",
        { } name when name.EndsWith("_slug_key", StringComparison.Ordinal) => "slug",
        { } name when name.EndsWith("_name_key", StringComparison.Ordinal) => "name",
        _ => "id",
    };
}
