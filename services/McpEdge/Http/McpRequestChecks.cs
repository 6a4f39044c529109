using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Platform.McpEdge.Http;

/// <summary>The Streamable HTTP transport's header rules, each answering null (fine) or the refusal to send.</summary>
public sealed class McpRequestChecks(IOptions<McpEdgeOptions> options)
{
    public const string ProtocolVersionHeader = "MCP-Protocol-Version";

    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly MediaTypeHeaderValue EventStream = new("text/event-stream");

    /// <summary>DNS-rebinding protection: a browser's <c>Origin</c> must be allowed (<see cref="IsAllowedOrigin"/>).</summary>
    public JsonRpcErrorResult? CheckOrigin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || IsAllowedOrigin(request, origin))
        {
            return null;
        }
        return new JsonRpcErrorResult(StatusCodes.Status403Forbidden, (int)McpErrorCode.InvalidRequest, "Forbidden: this Origin may not call the MCP endpoint.");
    }

    /// <summary>
    /// An origin on <c>McpEdge:AllowedOrigins</c> (a deployment lists its gateway's public origin there), or, when the
    /// request was addressed to a loopback host (the gateway of a local run, as forwarded by it), a loopback origin
    /// on any port: <c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>. A rebinding attack addresses the request to
    /// the attacker's own name, so it fails both ways.
    /// </summary>
    public bool IsAllowedOrigin(HttpRequest request, string origin)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(origin);
        if (options.Value.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }
        return IsLoopbackName(request.Host.Host)
            && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.AbsolutePath == "/"
            && IsLoopbackName(uri.Host);
    }

    private static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host is "127.0.0.1" or "[::1]" or "::1";

    /// <summary>The client must accept both a JSON response and an event stream.</summary>
    public static JsonRpcErrorResult? CheckAccept(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Any(Json.IsSubsetOf) && accept.Any(EventStream.IsSubsetOf))
        {
            return null;
        }
        return new JsonRpcErrorResult(StatusCodes.Status406NotAcceptable, (int)McpErrorCode.InvalidRequest,
            "Not Acceptable: the Accept header must list both application/json and text/event-stream.");
    }

    public static JsonRpcErrorResult? CheckContentType(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) && contentType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return new JsonRpcErrorResult(StatusCodes.Status415UnsupportedMediaType, (int)McpErrorCode.InvalidRequest,
            "Unsupported Media Type: the body must be sent as application/json.");
    }

    /// <summary>An absent header means 2025-03-26; a present one must name a revision the edge speaks.</summary>
    public static JsonRpcErrorResult? CheckProtocolVersion(HttpRequest request, RequestId id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var version = request.Headers[ProtocolVersionHeader].ToString();
        if (version.Length == 0 || SupportedProtocolVersions.IsSupported(version))
        {
            return null;
        }
        var data = JsonSerializer.SerializeToNode(
            new UnsupportedProtocolVersionErrorData { Supported = [.. SupportedProtocolVersions.All], Requested = version },
            McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(UnsupportedProtocolVersionErrorData)));
        return new JsonRpcErrorResult(StatusCodes.Status400BadRequest, (int)McpErrorCode.UnsupportedProtocolVersion,
            $"Bad Request: MCP-Protocol-Version '{Truncate(version)}' is not supported; supported: {string.Join(", ", SupportedProtocolVersions.All)}.", id, data);
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
