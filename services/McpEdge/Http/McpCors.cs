using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Platform.McpEdge.Http;

/// <summary>
/// CORS for browser-based MCP clients on an allowed origin (<c>McpEdge:AllowedOrigins</c>): the preflight
/// (<c>OPTIONS /mcp</c>) is answered with what the transport needs (POST; the Authorization, Content-Type, Accept and
/// MCP-Protocol-Version headers), and every answer to an allowed origin carries <c>Access-Control-Allow-Origin</c>,
/// so the page can read it, including a 401's <c>WWW-Authenticate</c>. Any other origin gets 403, as a POST would.
/// No credentials mode: agents authenticate with a bearer token, never a cookie.
/// </summary>
public sealed class McpCors(McpRequestChecks checks)
{
    public const string AllowedHeaders = "Authorization, Content-Type, Accept, MCP-Protocol-Version, Last-Event-ID";
    public const string ExposedHeaders = "WWW-Authenticate, Retry-After, MCP-Protocol-Version";
    public static readonly TimeSpan PreflightMaxAge = TimeSpan.FromMinutes(10);

    /// <summary>Adds the CORS answer headers when the request comes from an allowed browser origin.</summary>
    public void Allow(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || !checks.IsAllowedOrigin(context.Request, origin))
        {
            return;
        }
        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlExposeHeaders = ExposedHeaders;
        headers.Append(HeaderNames.Vary, HeaderNames.Origin);
    }

    /// <summary><c>OPTIONS /mcp</c>: a preflight from an allowed origin gets 204 with the rules; a foreign one 403.</summary>
    public async Task HandlePreflightAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (checks.CheckOrigin(context.Request) is { } forbidden)
        {
            await forbidden.WriteAsync(context);
            return;
        }
        Allow(context);
        var headers = context.Response.Headers;
        headers.Allow = "POST, OPTIONS";
        if (context.Request.Headers.Origin.Count > 0)
        {
            headers.AccessControlAllowMethods = HttpMethods.Post;
            headers.AccessControlAllowHeaders = AllowedHeaders;
            headers.AccessControlMaxAge = ((int)PreflightMaxAge.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
