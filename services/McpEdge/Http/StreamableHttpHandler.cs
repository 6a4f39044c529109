using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Platform.IntegrationRegistry.Client.Authentication;
using Platform.McpEdge.Catalog;
using Platform.McpEdge.Server;

namespace Platform.McpEdge.Http;

/// <summary>
/// POST <c>/mcp</c>, stateless Streamable HTTP: checks the transport's rules in order (origin 403, agent token 401,
/// Accept 406, Content-Type 415, body size 413, JSON-RPC shape 400, protocol version 400), then hands the one
/// message (or the 2025-03-26 batch) to a fresh SDK server bound to the caller. Results are answered as JSON, or
/// as an event stream when progress comes first or a result is slow (<see cref="RequestResponseTransport"/>);
/// notifications and responses from the client get 202. No session id is issued, so any replica can answer any
/// request.
/// </summary>
public sealed class StreamableHttpHandler(
    EdgeServerOptions serverOptions,
    CatalogRefresh refresh,
    IOptions<McpEdgeOptions> options,
    ILoggerFactory loggerFactory)
{
    public async Task HandlePostAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The origin check, CORS and the agent token ran before (McpEndpoint.UseMcpEndpoint, AgentPolicy).
        if (EdgeCaller.FromPrincipal(context.User) is not { } caller)
        {
            await context.ChallengeAsync(RegistryAuthenticationDefaults.AgentTokenScheme);
            return;
        }
        if ((McpRequestChecks.CheckAccept(context.Request) ?? McpRequestChecks.CheckContentType(context.Request)) is { } refused)
        {
            await refused.WriteAsync(context);
            return;
        }
        var maxBatch = SupportedProtocolVersions.AllowsBatches(context.Request.Headers[McpRequestChecks.ProtocolVersionHeader])
            ? options.Value.MaxBatchMessages
            : 0;
        var (body, invalid) = await JsonRpcBodyReader.ReadAsync(context.Request, options.Value.MaxRequestBodyBytes, maxBatch);
        if (invalid is not null || body is null)
        {
            await invalid!.WriteAsync(context);
            return;
        }
        if (McpRequestChecks.CheckProtocolVersion(context.Request, body.RefusalId) is { } unsupported)
        {
            await unsupported.WriteAsync(context);
            return;
        }
        foreach (var message in body.Messages)
        {
            Prepare(context, caller, message);
        }
        await ServeAsync(context, caller, body);
    }

    /// <summary>GET (no server-initiated stream on a stateless server) and DELETE (no session to end).</summary>
    public static Task HandleNotAllowedAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.Allow = HttpMethods.Post;
        return new JsonRpcErrorResult(StatusCodes.Status405MethodNotAllowed, (int)ModelContextProtocol.McpErrorCode.InvalidRequest,
            $"Method Not Allowed: this MCP endpoint is stateless and only answers POST (no {context.Request.Method} stream or session).").WriteAsync(context);
    }

    private void Prepare(HttpContext context, EdgeCaller caller, JsonRpcMessage message)
    {
        var version = context.Request.Headers[McpRequestChecks.ProtocolVersionHeader].ToString();
        message.Context = new JsonRpcMessageContext { User = context.User, ProtocolVersion = version.Length > 0 ? version : null };
        if (message is JsonRpcRequest { Method: RequestMethods.Initialize, Params: System.Text.Json.Nodes.JsonObject parameters })
        {
            parameters["protocolVersion"] = EdgeServerOptions.NegotiateVersion(parameters["protocolVersion"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
                ? parameters["protocolVersion"]!.GetValue<string>()
                : null);
            refresh.ClientInitialized(caller);
        }
    }

    private async Task ServeAsync(HttpContext context, EdgeCaller caller, JsonRpcBody body)
    {
        var transport = new RequestResponseTransport(context.Response, options.Value.StreamAfter, loggerFactory);
        var server = McpServer.Create(transport, serverOptions.Create(caller), loggerFactory, context.RequestServices);
        var running = server.RunAsync(context.RequestAborted);
        try
        {
            if (!await transport.HandleAsync(body, context.RequestAborted))
            {
                context.Response.StatusCode = StatusCodes.Status202Accepted;
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-call; the upstream call was cancelled with it.
        }
        finally
        {
            await transport.DisposeAsync();
            try
            {
                await running;
            }
            catch (OperationCanceledException)
            {
                // The server's loop ends with the request.
            }
        }
    }
}
