using Microsoft.AspNetCore.Diagnostics;
using Platform.ServiceDefaults.Http;

namespace Platform.WebhookIngress.Apis;

/// <summary>
/// A body or parameter the admin API's binder could not read (not JSON, <c>null</c>, a string for a number, a
/// number for a string) answers 400 problem details naming the field, in every environment, never a 500.
/// </summary>
public sealed class UnreadableRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (UnreadableRequestProblem.From(exception) is not { } problem)
        {
            return false;
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
