using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Platform.OAuth;
using Platform.OAuthBroker.Pages;
using Platform.SecretsVault.Client;
using Platform.ServiceDefaults.Http;

namespace Platform.OAuthBroker.Infrastructure;

/// <summary>
/// Problem details instead of 500s. An engine failure names its step and why (its messages carry URLs and error
/// codes, never a token, secret, code or verifier): a bad, used or expired callback is 400, an upstream or
/// authorization server that misbehaves is 502. A platform dependency that fails (registry, vault, brokerdb) is 503.
/// </summary>
public sealed partial class OAuthProblemHandler(IProblemDetailsService problemDetails, ILogger<OAuthProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        if (BrowserPages.IsPageRequest(httpContext.Request) && PageFor(httpContext.Request, exception) is { } page)
        {
            LogProblem(logger, page.StatusCode, exception is OAuthException failed ? failed.Message : exception.GetType().Name, httpContext.Request.Path);
            await page.ToResult().ExecuteAsync(httpContext);
            return true;
        }
        var problem = exception switch
        {
            OAuthException { Step: OAuthSteps.AuthorizationResponse } refused => Problem(StatusCodes.Status400BadRequest, "The authorization callback was refused.", refused),
            OAuthException failed => Problem(StatusCodes.Status502BadGateway, $"OAuth failed at: {failed.Step}.", failed),
            SecretUnavailableException or HttpRequestException or NpgsqlException or TimeoutException =>
                new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "A platform service the broker depends on is unavailable." },
            _ => UnreadableRequestProblem.From(exception),
        };
        if (problem is null)
        {
            return false;
        }
        LogProblem(logger, problem.Status ?? 0, exception is OAuthException oauth ? oauth.Message : exception.GetType().Name, httpContext.Request.Path);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>A person's browser gets the same outcome as a page in words (the provider's own error shown as it said it).</summary>
    private static PersonPage? PageFor(HttpRequest request, Exception exception) => exception switch
    {
        OAuthException oauth => ConnectPages.Refused(oauth, request.Query["error"].FirstOrDefault(), request.Query["error_description"].FirstOrDefault()),
        SecretUnavailableException or HttpRequestException or NpgsqlException or TimeoutException => ConnectPages.Unavailable(),
        _ => null,
    };

    private static ProblemDetails Problem(int status, string title, OAuthException exception) => new()
    {
        Status = status,
        Title = title,
        Detail = exception.Message,
        Extensions = { ["step"] = exception.Step },
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered {Status} on {Path}: {Reason}")]
    private static partial void LogProblem(ILogger logger, int status, string reason, PathString path);
}
