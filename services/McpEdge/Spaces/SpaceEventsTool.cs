using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Platform.McpEdge.Catalog;
using Platform.McpEdge.Server;

namespace Platform.McpEdge.Spaces;

/// <summary>
/// <c>platform__space_events</c>: the events of a Space granted to the caller's agent, newest first, filtered by
/// time and type, paged with a cursor. Malformed arguments are JSON-RPC invalid params; a Space that is not granted
/// is answered exactly like one that does not exist.
/// </summary>
public sealed class SpaceEventsTool(SpaceEventReader reader)
{
    public const string Name = SourceDirectory.PlatformNamespace + NamespacedNames.ToolSeparator + "space_events";
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Tool Definition { get; } = new()
    {
        Name = Name,
        Title = "Read a Space's events",
        Description = "Reads the webhook events delivered to a Space you were granted (see resources/list: platform+space://<space>/events), "
            + "newest first. With a person-scoped grant you see the events of the person you act for and events that concern no person. "
            + "Answer: {space, events:[{id, type, receivedAt, route, payload, ...}], nextCursor}; pass nextCursor back as 'cursor' for older events.",
        InputSchema = JsonSerializer.SerializeToElement(new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["space"] = new JsonObject { ["type"] = "string", ["description"] = "The Space's slug." },
                ["since"] = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["description"] = "Only events received at or after this time (ISO 8601)." },
                ["type"] = new JsonObject { ["type"] = "string", ["description"] = "Only events of this type (e.g. 'order.paid', 'push')." },
                ["cursor"] = new JsonObject { ["type"] = "string", ["description"] = "The nextCursor of a previous answer, for older events." },
                ["limit"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = MaxLimit, ["description"] = $"At most this many events (default {DefaultLimit})." },
            },
            ["required"] = new JsonArray("space"),
        }),
        Annotations = new ToolAnnotations { ReadOnlyHint = true, IdempotentHint = true, OpenWorldHint = false, DestructiveHint = false },
    };

    /// <summary>The answer, and what of it goes into the audit record (the events' count, never their payloads).</summary>
    public async ValueTask<(CallToolResult Result, CallToolResult Audited)> CallAsync(
        EdgeCaller caller, IDictionary<string, JsonElement>? arguments, CancellationToken ct)
    {
        var space = RequiredString(arguments, "space");
        var filter = new SpaceEventFilter(Limit(arguments), Cursor(arguments), Since(arguments), OptionalString(arguments, "type"));
        SpaceEventsAnswer? answer;
        try
        {
            answer = await reader.ReadAsync(caller, space, filter, ct);
        }
        catch (HttpRequestException)
        {
            var unavailable = Error($"The events of Space '{space}' cannot be read right now. Try again in a minute.");
            return (unavailable, unavailable);
        }
        if (answer is null)
        {
            var unknown = Error(UnknownSpace(space));
            return (unknown, unknown);
        }
        var json = answer.ToJson();
        var result = new CallToolResult
        {
            Content = [new TextContentBlock { Text = JsonSerializer.Serialize(json, Json) }],
            StructuredContent = JsonSerializer.SerializeToElement(json, Json),
        };
        var audited = new CallToolResult
        {
            Content = [new TextContentBlock { Text = $"{answer.Events.Count} events of Space '{space}'" + (answer.NextCursor is null ? "." : ", more available.") }],
        };
        return (result, audited);
    }

    public static string UnknownSpace(string space) =>
        $"No Space '{space}' is available to you. resources/list shows the Spaces you may read (platform+space://<space>/events).";

    private static CallToolResult Error(string text) => new() { IsError = true, Content = [new TextContentBlock { Text = text }] };

    private static string RequiredString(IDictionary<string, JsonElement>? arguments, string name) =>
        OptionalString(arguments, name) ?? throw Invalid($"{Name} needs the argument '{name}': a Space's slug.");

    private static string? OptionalString(IDictionary<string, JsonElement>? arguments, string name)
    {
        if (arguments is null || !arguments.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 and <= 200 } text)
        {
            throw Invalid($"The argument '{name}' must be a string of 1-200 characters.");
        }
        return text;
    }

    private static int Limit(IDictionary<string, JsonElement>? arguments)
    {
        if (arguments is null || !arguments.TryGetValue("limit", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return DefaultLimit;
        }
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var limit) && limit is >= 1 and <= MaxLimit
            ? limit
            : throw Invalid($"The argument 'limit' must be a whole number from 1 to {MaxLimit}.");
    }

    private static DateTimeOffset? Since(IDictionary<string, JsonElement>? arguments) =>
        OptionalString(arguments, "since") is not { } text ? null
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since) ? since
            : throw Invalid("The argument 'since' must be an ISO 8601 date and time, e.g. 2026-12-06T09:00:00Z.");

    private static Guid? Cursor(IDictionary<string, JsonElement>? arguments) =>
        OptionalString(arguments, "cursor") is not { } text ? null
            : SpaceCursor.TryDecode(text, out var before) ? before
            : throw Invalid("The argument 'cursor' must be a nextCursor this tool gave, passed back unchanged.");

    private static McpProtocolException Invalid(string message) => new(message, McpErrorCode.InvalidParams);
}
