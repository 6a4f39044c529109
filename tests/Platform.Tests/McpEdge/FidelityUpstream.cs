#pragma warning disable MCP9005 // MCP logging: deprecated from 2026-07-28 (SEP-2577), but what the revisions the edge speaks (up to 2025-11-25) have.
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Platform.Tests.McpEdge;

/// <summary>
/// An upstream for what the edge must pass on faithfully: progress sent immediately before the result, log messages
/// of every level during a call (one quoting the credential it was sent), and a tool that fails while
/// <see cref="Failing"/> is set. Its resource (<see cref="ChattyUri"/>), prompt and completions chat the same way as
/// the <c>chatty</c> tool, with progress 1/2 before the log messages and 2/2 immediately before the answer when the
/// request carries a progress token.
/// </summary>
public sealed class FidelityUpstream
{
    public const string Logger = "fidelity";

    /// <summary>The upstream URI of its one resource; its prompt and the prompt's argument are both named <c>chatty</c>.</summary>
    public const string ChattyUri = "chat://log";

    /// <summary>While set, <c>work</c> fails with a JSON-RPC error (the listing still works).</summary>
    public bool Failing { get; set; }

    public McpServerOptions Create(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var presented = context.Request.Headers.Authorization.ToString();
        return new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "fidelity", Version = "1.0.0" },
            ToolCollection =
            [
                McpServerTool.Create(async (RequestContext<CallToolRequestParams> request, CancellationToken ct) =>
                    {
                        if (request.Params?.ProgressToken is { } token)
                        {
                            await request.Server.NotifyProgressAsync(token, new ProgressNotificationValue { Progress = 1, Total = 2 }, cancellationToken: ct);
                            await request.Server.NotifyProgressAsync(token, new ProgressNotificationValue { Progress = 2, Total = 2 }, cancellationToken: ct);
                        }
                        return "done";
                    },
                    new() { Name = "two_steps", Description = "Reports progress 1/2 and 2/2, the last immediately before its result." }),
                McpServerTool.Create(async (RequestContext<CallToolRequestParams> request, CancellationToken ct) =>
                    {
                        await ChatAsync(request, presented, ct);
                        return "chatted";
                    },
                    new() { Name = "chatty", Description = "Logs at debug, info, warning and error, then answers." }),
                McpServerTool.Create(string () => Failing ? throw new McpProtocolException("the database is down", McpErrorCode.InternalError) : "worked",
                    new() { Name = "work", Description = "Fails while the upstream is failing." }),
            ],
            Handlers = new McpServerHandlers
            {
                ListResourcesHandler = (_, _) => ValueTask.FromResult(new ListResourcesResult { Resources = [new Resource { Uri = ChattyUri, Name = "chatty", MimeType = "text/plain" }] }),
                ReadResourceHandler = async (request, ct) =>
                {
                    await ChatAsync(request, presented, ct);
                    return new ReadResourceResult { Contents = [new TextResourceContents { Uri = request.Params!.Uri, MimeType = "text/plain", Text = "chatted" }] };
                },
                ListPromptsHandler = (_, _) => ValueTask.FromResult(new ListPromptsResult
                {
                    Prompts = [new Prompt { Name = "chatty", Description = "Chats, then answers.", Arguments = [new PromptArgument { Name = "chatty" }] }],
                }),
                GetPromptHandler = async (request, ct) =>
                {
                    await ChatAsync(request, presented, ct);
                    return new GetPromptResult { Messages = [new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = "chatted" } }] };
                },
                CompleteHandler = async (request, ct) =>
                {
                    await ChatAsync(request, presented, ct);
                    return new CompleteResult { Completion = new Completion { Values = ["chatted"] } };
                },
            },
        };
    }

    /// <summary>
    /// Progress 1/2 (when asked for), log messages at debug, info, warning and error (the error quoting the
    /// credential presented), then progress 2/2, the last thing before the answer.
    /// </summary>
    private static async Task ChatAsync<TParams>(RequestContext<TParams> request, string presented, CancellationToken ct) where TParams : RequestParams
    {
        var token = request.Params?.ProgressToken;
        if (token is { } first)
        {
            await request.Server.NotifyProgressAsync(first, new ProgressNotificationValue { Progress = 1, Total = 2 }, cancellationToken: ct);
        }
        await LogAsync(request.Server, LoggingLevel.Debug, "debug detail", ct);
        await LogAsync(request.Server, LoggingLevel.Info, "info note", ct);
        await LogAsync(request.Server, LoggingLevel.Warning, "warning sign", ct);
        await LogAsync(request.Server, LoggingLevel.Error, $"error: rejected key {presented}", ct);
        if (token is { } last)
        {
            await request.Server.NotifyProgressAsync(last, new ProgressNotificationValue { Progress = 2, Total = 2 }, cancellationToken: ct);
        }
    }

    private static Task LogAsync(McpServer server, LoggingLevel level, string text, CancellationToken ct) =>
        server.SendNotificationAsync(NotificationMethods.LoggingMessageNotification,
            new LoggingMessageNotificationParams { Level = level, Logger = Logger, Data = JsonSerializer.SerializeToElement(text) }, cancellationToken: ct);
}
