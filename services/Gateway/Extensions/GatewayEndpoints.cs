using Microsoft.Extensions.Options;

namespace Platform.Gateway;

/// <summary>What the gateway answers itself: the body limit, and 404 for every path no route claims.</summary>
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
