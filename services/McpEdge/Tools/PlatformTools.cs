using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Platform.McpEdge.Catalog;
using Platform.McpEdge.Server;
using Platform.McpEdge.Spaces;
using Platform.McpEdge.Upstream;

namespace Platform.McpEdge.Tools;

/// <summary>The platform's own tools, in the reserved <c>platform</c> namespace.</summary>
public sealed class PlatformTools(CatalogService catalogs, ConnectLinks links, SpaceEventsTool spaceEvents, UpstreamCallOutcomes outcomes, TimeProvider timeProvider)
{
    public const string ListIntegrationsName = SourceDirectory.PlatformNamespace + NamespacedNames.ToolSeparator + "list_integrations";
    public const string ConnectName = SourceDirectory.PlatformNamespace + NamespacedNames.ToolSeparator + "connect";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<Tool> Definitions { get; } =
    [
        new Tool
        {
            Name = ListIntegrationsName,
            Title = "List integrations",
            Description = "Lists the integrations (and other agents) you can reach through this platform, whether each is connected for "
                + "the person you act for, whether it is available right now (status 'failing' with the error in 'detail' when its last "
                + "call failed; 'lastCall' says when and how that call went, 'listing' whether its tools were listed just now or cached), "
                + "and its tool namespace. Tools of an integration are named "
                + "'<namespace>__<tool>'. An integration that is not connected must be connected by that person before its tools work.",
            InputSchema = JsonSerializer.SerializeToElement(new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() }),
            Annotations = new ToolAnnotations { ReadOnlyHint = true, IdempotentHint = true, OpenWorldHint = false, DestructiveHint = false },
        },
        new Tool
        {
            Name = ConnectName,
            Title = "Connect an integration",
            Description = "Gives a link for the person you act for to connect an integration that signs in with OAuth (see "
                + "platform__list_integrations: authMethod 'oauth'). Give the link to your person: opening it leads to the service's own "
                + "sign-in and consent page; once they approve, the integration's tools appear in your tools/list. The link works once, "
                + "for a short time, and only for your person.",
            InputSchema = JsonSerializer.SerializeToElement(new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["integration"] = new JsonObject { ["type"] = "string", ["description"] = "The integration's namespace, as platform__list_integrations shows it." },
                },
                ["required"] = new JsonArray("integration"),
            }),
            Annotations = new ToolAnnotations { ReadOnlyHint = false, IdempotentHint = false, OpenWorldHint = false, DestructiveHint = false },
        },
        SpaceEventsTool.Definition,
    ];

    public static bool IsPlatformTool(string name) => name is ListIntegrationsName or ConnectName or SpaceEventsTool.Name;

    /// <summary>The answer, and what of it goes into the audit record (a connect link is the person's alone: never recorded).</summary>
    public async ValueTask<(CallToolResult Result, CallToolResult Audited)> CallAsync(EdgeCaller caller, CallToolRequestParams request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        switch (request.Name)
        {
            case ListIntegrationsName:
                var list = await ListIntegrationsAsync(caller, ct);
                return (list, list);
            case ConnectName:
                return await ConnectAsync(caller, request.Arguments, ct);
            case SpaceEventsTool.Name:
                return await spaceEvents.CallAsync(caller, request.Arguments, ct);
            default:
                throw new ArgumentException($"'{request.Name}' is not a platform tool.", nameof(request));
        }
    }

    private async ValueTask<(CallToolResult, CallToolResult)> ConnectAsync(EdgeCaller caller, IDictionary<string, JsonElement>? arguments, CancellationToken ct)
    {
        if (arguments?.TryGetValue("integration", out var value) != true || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } ns)
        {
            throw new ModelContextProtocol.McpProtocolException("platform__connect needs the argument 'integration': the integration's namespace.",
                ModelContextProtocol.McpErrorCode.InvalidParams);
        }
        var catalog = await catalogs.FindAsync(caller, ns, ct);
        if (catalog is null)
        {
            return Both(Error($"No integration '{ns}' is available to you. Call platform__list_integrations to see the namespaces."));
        }
        if (!ConnectLinks.Connectable(catalog.Source))
        {
            return Both(Error(catalog.Source.NeedsCredential
                ? $"{catalog.Source.DisplayName} (integration '{ns}') does not sign in with OAuth: its credential is set up by an administrator, not through a link."
                : $"{catalog.Source.DisplayName} (integration '{ns}') needs no connecting: its tools work as they are."));
        }
        ConnectLink link;
        try
        {
            link = await links.CreateAsync(caller, catalog.Source, scope: null, ct);
        }
        catch (HttpRequestException)
        {
            return Both(Error($"A connect link for {catalog.Source.DisplayName} cannot be made right now. Try again in a minute."));
        }
        var text = $"Give your person this link to connect {link.Integration} (integration '{ns}'): {link.Url} . It opens {link.Integration}'s own "
            + $"sign-in and consent page; it works once, only for your person, until {link.ExpiresAt:u}. Once they approve, call tools/list again.";
        var structured = new { integration = ns, name = link.Integration, url = link.Url, expiresAt = link.ExpiresAt };
        var result = new CallToolResult
        {
            Content = [new TextContentBlock { Text = text }],
            StructuredContent = JsonSerializer.SerializeToElement(structured, Json),
        };
        var audited = new CallToolResult { Content = [new TextContentBlock { Text = $"Connect link made for integration '{ns}', valid until {link.ExpiresAt:u}." }] };
        return (result, audited);
    }

    private static (CallToolResult, CallToolResult) Both(CallToolResult result) => (result, result);

    private static CallToolResult Error(string text) => new() { IsError = true, Content = [new TextContentBlock { Text = text }] };

    private async ValueTask<CallToolResult> ListIntegrationsAsync(EdgeCaller caller, CancellationToken ct)
    {
        var asked = timeProvider.GetUtcNow();
        var catalog = await catalogs.GetAsync(caller, ct);
        var integrations = catalog.Sources.Select(source => IntegrationStatus.Describe(source, outcomes.Last(caller, source.Source.Id), asked)).ToList();
        var answer = new { seenBy = IntegrationStatus.SeenBy, integrations };
        var structured = JsonSerializer.SerializeToElement(answer, Json);
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = JsonSerializer.Serialize(answer, Json) }],
            StructuredContent = structured,
            IsError = false,
        };
    }
}
