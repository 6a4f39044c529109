using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Platform.Tests.McpEdge;

/// <summary>The tools, resources and prompts of the test upstreams, built with the SDK's server types.</summary>
public static class UpstreamServers
{
    /// <summary>A 1×1 transparent PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    /// <summary>"alpha": no auth; every kind of behaviour the edge must pass through.</summary>
    public static McpServerOptions Alpha() => new()
    {
        ServerInfo = new Implementation { Name = "alpha", Version = "1.0.0" },
        ToolCollection = AlphaTools,
        ResourceCollection = AlphaResources,
        PromptCollection = AlphaPrompts,
        Handlers = new McpServerHandlers
        {
            CompleteHandler = (request, _) => ValueTask.FromResult(new CompleteResult
            {
                Completion = new Completion
                {
                    Values = [.. new[] { "Ada", "Alan", "Grace" }.Where(v => v.StartsWith(request.Params!.Argument.Value, StringComparison.OrdinalIgnoreCase))],
                },
            }),
        },
    };

    /// <summary>"beta": demands a bearer token; its echo differs from alpha's, proving names route by namespace.</summary>
    public static McpServerOptions Beta() => new()
    {
        ServerInfo = new Implementation { Name = "beta", Version = "1.0.0" },
        ToolCollection = BetaTools,
    };

    /// <summary>"bulk": more tools than one page of tools/list.</summary>
    public static McpServerOptions Bulk() => new()
    {
        ServerInfo = new Implementation { Name = "bulk", Version = "1.0.0" },
        ToolCollection = BulkTools,
    };

    /// <summary>Another agent's own MCP endpoint, offered as tools to the agents of its tenant.</summary>
    public static McpServerOptions HelperAgent() => new()
    {
        ServerInfo = new Implementation { Name = "helper-agent", Version = "1.0.0" },
        ToolCollection = HelperTools,
    };

    public const int BulkToolCount = 150;

    private static readonly McpServerPrimitiveCollection<McpServerTool> AlphaTools =
    [
        McpServerTool.Create(([Description("Text to send back")] string text) => text,
            new() { Name = "echo", Title = "Echo", Description = "Echoes the text back.", ReadOnly = true, Idempotent = true, OpenWorld = false }),
        McpServerTool.Create(async (int steps, int delayMs, IProgress<ProgressNotificationValue> progress, CancellationToken ct) =>
            {
                for (var i = 1; i <= steps; i++)
                {
                    progress.Report(new ProgressNotificationValue { Progress = i, Total = steps, Message = $"step {i} of {steps}" });
                    await Task.Delay(delayMs, ct);
                }
                return $"done after {steps} steps";
            },
            new() { Name = "progress", Description = "Reports progress for each step, then answers." }),
        McpServerTool.Create(() => new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = "the widget is broken" }] },
            new() { Name = "fail", Description = "Always fails as a tool (isError)." }),
        McpServerTool.Create(string () => throw new McpProtocolException("the upstream exploded", McpErrorCode.InternalError),
            new() { Name = "explode", Description = "Always fails with a JSON-RPC error." }),
        McpServerTool.Create(async (int seconds, CancellationToken ct) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
                return "finally";
            },
            new() { Name = "slow", Description = "Answers after the given number of seconds." }),
        McpServerTool.Create(() => new CallToolResult { Content = [ImageContentBlock.FromBytes(Png, "image/png")] },
            new() { Name = "image", Description = "Returns a PNG image." }),
        McpServerTool.Create(() => new CallToolResult
            {
                Content =
                [
                    new EmbeddedResourceBlock { Resource = new TextResourceContents { Uri = "memo://notes/1", MimeType = "text/plain", Text = "first note" } },
                    new ResourceLinkBlock { Uri = "memo://notes/1", Name = "note 1", MimeType = "text/plain" },
                ],
            },
            new() { Name = "resource", Description = "Returns an embedded resource and a link to it." }),
        McpServerTool.Create((string query, [Description("Key for the lookup service")] string api_key) => $"found {query.Length} results",
            new() { Name = "lookup", Description = "Looks something up with an API key." }),
        McpServerTool.Create((string city) => new Weather(city, 21.5),
            new() { Name = "weather", Description = "Current weather of a city.", UseStructuredContent = true, ReadOnly = true }),
        McpServerTool.Create(() => "deleted everything",
            new() { Name = "admin_delete", Description = "Denied by the install's deny list.", Destructive = true }),
    ];

    private static readonly McpServerResourceCollection AlphaResources =
    [
        McpServerResource.Create(() => "first note", new() { UriTemplate = "memo://notes/1", Name = "note-1", MimeType = "text/plain" }),
        McpServerResource.Create((string id) => $"note {id}", new() { UriTemplate = "memo://notes/{id}", Name = "note", MimeType = "text/plain" }),
    ];

    private static readonly McpServerPrimitiveCollection<McpServerPrompt> AlphaPrompts =
    [
        McpServerPrompt.Create((string name) => $"Say hello to {name}.", new() { Name = "greet", Description = "Greets someone." }),
        McpServerPrompt.Create(() => new GetPromptResult
            {
                Messages =
                [
                    new PromptMessage { Role = Role.User, Content = new EmbeddedResourceBlock { Resource = new TextResourceContents { Uri = "memo://notes/1", MimeType = "text/plain", Text = "first note" } } },
                    new PromptMessage { Role = Role.User, Content = new ResourceLinkBlock { Uri = "memo://notes/7", Name = "note 7" } },
                ],
            },
            new() { Name = "with_note", Description = "A prompt that embeds a note and links another." }),
    ];

    private static readonly McpServerPrimitiveCollection<McpServerTool> BetaTools =
    [
        McpServerTool.Create((string text) => $"beta says {text}", new() { Name = "echo", Description = "Beta's echo." }),
    ];

    private static readonly McpServerPrimitiveCollection<McpServerTool> BulkTools =
        [.. Enumerable.Range(0, BulkToolCount).Select(i =>
            McpServerTool.Create(() => $"tool {i}", new() { Name = $"tool_{i:D3}", Description = $"Bulk tool {i}." }))];

    private static readonly McpServerPrimitiveCollection<McpServerTool> HelperTools =
    [
        McpServerTool.Create((string text) => $"summary: {text[..Math.Min(text.Length, 10)]}", new() { Name = "summarize", Description = "Summarizes text." }),
    ];

    public sealed record Weather(string City, double Celsius);

    public static JsonElement Arguments(object value) => JsonSerializer.SerializeToElement(value);
}
