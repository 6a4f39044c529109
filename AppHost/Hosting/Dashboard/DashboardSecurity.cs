using System.Net;

namespace Platform.Hosting;

/// <summary>Headers and checks for every dashboard response.</summary>
internal static class DashboardSecurity
{
    /// <summary>Scripts and styles only from the dashboard's own files; no inline code, frames, forms or other origins.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseDashboardSecurity(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.CacheControl = "no-store";
        // A web page whose DNS name is rebound to 127.0.0.1 would be same-origin with the dashboard; its Host header gives it away.
        if (!IsLoopbackHost(context.Request.Host))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The dashboard answers only to localhost addresses.")
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    private static bool IsLoopbackHost(HostString host)
    {
        if (!host.HasValue)
        {
            return false;
        }
        var name = host.Host.Trim('[', ']');
        return string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));
    }
}
