using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Platform.McpEdge.Catalog;
using Platform.McpEdge.Server;

namespace Platform.McpEdge.Tools;

/// <summary>The platform's own tools, in the reserved <c>platform</c> namespace.</summary>
public sealed class PlatformTools(CatalogService catalogs)
{
    public const string ListIntegrationsName = SourceDirectory.PlatformNamespace + NamespacedNames.ToolSeparator + "list_integrations";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<Tool> Definitions { get; } =
    [
        new Tool
        {
            Name = ListIntegrationsName,
            Title = "List integrations",
            Description = "Lists the integrations (and other agents) you can reach through this platform, whether each is connected for "
                + "the person you act for, whether it is available right now, and its tool namespace. Tools of an integration are named "
                + "'<namespace>__<tool>'. An integration that is not connected must be connected by that person before its tools work.",
            InputSchema = JsonSerializer.SerializeToElement(new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() }),
            Annotations = new ToolAnnotations { ReadOnlyHint = true, IdempotentHint = true, OpenWorldHint = false, DestructiveHint = false },
        },
    ];

    public static bool IsPlatformTool(string name) => string.Equals(name, ListIntegrationsName, StringComparison.Ordinal);

    public async ValueTask<CallToolResult> CallAsync(EdgeCaller caller, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!IsPlatformTool(name))
        {
            throw new ArgumentException($"'{name}' is not a platform tool.", nameof(name));
        }
        var catalog = await catalogs.GetAsync(caller, ct);
        var integrations = catalog.Sources.Select(Describe).ToList();
        var structured = JsonSerializer.SerializeToElement(new { integrations }, Json);
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = JsonSerializer.Serialize(new { integrations }, Json) }],
            StructuredContent = structured,
            IsError = false,
        };
    }

    private static IntegrationStatus Describe(SourceCatalog catalog)
    {
        var source = catalog.Source;
        var status = catalog.IsAvailable ? "available"
            : catalog.FailureClass == Upstream.UpstreamFailure.NotConnected ? "not-connected"
            : source.IsUsable ? "unavailable"
            : "unusable";
        return new IntegrationStatus(
            source.Namespace,
            source.DisplayName,
            source.Kind == UpstreamSourceKind.Agent ? "agent" : "integration",
            source.AuthMethod,
            source.Connected,
            status,
            catalog.FailureReason,
            catalog.Tools.Count(tool => source.Exposes(tool.UpstreamName)));
    }

    private sealed record IntegrationStatus(
        string Namespace, string Name, string Kind, string AuthMethod, bool Connected, string Status, string? Detail, int Tools);
}
