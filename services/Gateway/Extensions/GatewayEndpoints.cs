using Microsoft.Extensions.Options;

namespace Platform.Gateway;

/// <summary>What the gateway answers itself: the body limit, unforwardable headers, and 404 for every path no route claims.</summary>
public static class GatewayEndpoints
{
    /// <summary>Rejects a declared body over <see cref="GatewayOptions.MaxRequestBodySize"/> before proxying; Kestrel's limit stops undeclared (chunked) ones.</summary>
    public static WebApplication UseRequestBodyLimit(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var limit = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRequestBodySize;
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > limit)
            {
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "Request body too large",
                    detail: $"The gateway accepts request bodies of at most {limit} bytes.").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        return app;
    }

    /// <summary>
    /// A header value with a character outside ASCII cannot be forwarded (the proxy's HTTP client refuses to send it,
    /// which used to surface as 502 on every route): it is the client's mistake, answered 400 before proxying.
    /// </summary>
    public static WebApplication UseAsciiHeaderValues(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (FirstNonAsciiHeader(context.Request.Headers) is { } name)
            {
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Header value not ASCII",
                    detail: $"The value of the '{name}' header holds characters outside ASCII; header values must be ASCII (encode the value, for example percent-encoding or Base64).")
                    .ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        return app;
    }

    private static string? FirstNonAsciiHeader(IHeaderDictionary headers)
    {
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                if (value is not null && !System.Text.Ascii.IsValid(value))
                {
                    return name;
                }
            }
        }
        return null;
    }

    /// <summary>Anything no route matches: a 404 problem, never a proxied request.</summary>
    public static RouteHandlerBuilder MapNotFound(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapFallback("{**path}", () => TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Not Found",
            detail: "No public route matches this path."));
    }
}
