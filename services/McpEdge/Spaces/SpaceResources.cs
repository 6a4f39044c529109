using System.Text.Json;
using System.Text.RegularExpressions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Platform.McpEdge.Catalog;
using Platform.McpEdge.Server;

namespace Platform.McpEdge.Spaces;

/// <summary>
/// One resource per Space granted to the caller's agent, in the platform's own namespace:
/// <c>platform+space://{slug}/events</c>. Reading it answers the newest events as JSON with a cursor; reading
/// <c>…/events?cursor={nextCursor}</c> answers the older ones. A Space not granted reads as an unknown resource.
/// </summary>
public sealed partial class SpaceResources(SpaceGrants grants, SpaceEventReader reader)
{
    public const int PageSize = 50;
    private const string MimeType = "application/json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string EventsUri(string slug) => NamespacedNames.Uri(SourceDirectory.PlatformNamespace, $"space://{slug}/events");

    /// <summary>True for a URI of this kind (granted or not); other platform URIs are not the Spaces'.</summary>
    public static bool IsSpaceUri(string uri) =>
        NamespacedNames.TrySplitUri(uri, out var ns, out var inner) && ns == SourceDirectory.PlatformNamespace && inner.StartsWith("space://", StringComparison.Ordinal);

    public async Task<IReadOnlyList<Resource>> ListAsync(EdgeCaller caller, CancellationToken ct) =>
        [.. (await grants.GetAsync(caller, ct)).Select(grant => new Resource
        {
            Uri = EventsUri(grant.Slug),
            Name = $"space-{grant.Slug}-events",
            Title = $"{grant.Name}: events",
            Description = $"Webhook events delivered to the Space '{grant.Slug}', newest first"
                + (grant.Scope == IntegrationRegistry.Client.SpaceGrantScopes.Person ? " (those of the person you act for, and those concerning no person)." : ".")
                + " The answer's nextCursor reads older ones: append ?cursor=<nextCursor> to this URI, or call platform__space_events.",
            MimeType = MimeType,
        })];

    public async Task<ReadResourceResult> ReadAsync(EdgeCaller caller, string uri, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(uri);
        NamespacedNames.TrySplitUri(uri, out _, out var inner);
        var match = SpaceUri().Match(inner);
        if (!match.Success)
        {
            throw Unknown(uri);
        }
        var slug = match.Groups["slug"].Value;
        Guid? before = null;
        if (match.Groups["cursor"].Success)
        {
            before = SpaceCursor.TryDecode(match.Groups["cursor"].Value, out var cursor)
                ? cursor
                : throw new McpProtocolException("Invalid cursor: use the nextCursor of a previous read unchanged.", McpErrorCode.InvalidParams);
        }
        SpaceEventsAnswer? answer;
        try
        {
            answer = await reader.ReadAsync(caller, slug, new SpaceEventFilter(PageSize, before), ct);
        }
        catch (HttpRequestException)
        {
            throw new McpProtocolException($"The events of Space '{slug}' cannot be read right now. Try again in a minute.", McpErrorCode.InternalError);
        }
        if (answer is null)
        {
            throw Unknown(uri);
        }
        return new ReadResourceResult
        {
            Contents = [new TextResourceContents { Uri = uri, MimeType = MimeType, Text = JsonSerializer.Serialize(answer.ToJson(), Json) }],
        };
    }

    private static McpProtocolException Unknown(string uri) =>
        new($"Unknown resource: '{uri}'. Use a URI from resources/list or resources/templates/list.", McpErrorCode.ResourceNotFound);

    [GeneratedRegex("^space://(?<slug>[a-z0-9-]{1,40})/events(?:\\?cursor=(?<cursor>[A-Za-z0-9_-]{1,64}))?$")]
    private static partial Regex SpaceUri();
}
