using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using Platform.SecretsVault.Client;

namespace Platform.WebhookIngress.Apis;

/// <summary>
/// Turns a failing dependency (registry, vault, database) into 503 problem details, and a secret the vault refused
/// into 400; the response names no secret and no internal address.
/// </summary>
public sealed partial class DependencyExceptionHandler(IProblemDetailsService problemDetails, ILogger<DependencyExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (status, title) = exception switch
        {
            SecretRejectedException => (StatusCodes.Status400BadRequest, "The vault refused the signing secret."),
            HttpRequestException or NpgsqlException or TimeoutException => (StatusCodes.Status503ServiceUnavailable, "A dependency of the webhook service is unavailable."),
            _ => (0, string.Empty),
        };
        if (status == 0)
        {
            return false;
        }
        LogDependencyFailure(logger, exception.GetType().Name, httpContext.Request.Path);
        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Title = title },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Error} while handling {Path}; answered with problem details")]
    private static partial void LogDependencyFailure(ILogger logger, string error, PathString path);
}
