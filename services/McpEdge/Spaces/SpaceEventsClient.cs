using System.Globalization;
using System.Net.Http.Json;
using Platform.IntegrationRegistry.Client;

namespace Platform.McpEdge.Spaces;

/// <summary>
/// webhook-ingress's internal read API, which owns the events (with the edge's service credential, added to every
/// HttpClient by ServiceDefaults). The grant's scope decides whether the read is confined to the caller's person.
/// </summary>
public sealed class SpaceEventsClient(HttpClient http)
{
    public static readonly Uri BaseAddress = new("https+http://webhook-ingress");

    public async Task<SpaceEventPage> ListAsync(Guid tenantId, Guid subjectId, SpaceGrantInfo grant, SpaceEventFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(filter);
        var wholeSpace = grant.Scope == SpaceGrantScopes.WholeSpace;
        var query = new List<string>
        {
            "limit=" + filter.Limit.ToString(CultureInfo.InvariantCulture),
            "wholeSpace=" + (wholeSpace ? "true" : "false"),
        };
        if (!wholeSpace)
        {
            query.Add("subjectId=" + subjectId);
        }
        if (filter.Before is { } before)
        {
            query.Add("before=" + before);
        }
        if (filter.Since is { } since)
        {
            query.Add("since=" + Uri.EscapeDataString(since.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
        }
        if (filter.Type is { } type)
        {
            query.Add("type=" + Uri.EscapeDataString(type));
        }
        var path = $"/internal/tenants/{tenantId}/spaces/{grant.SpaceId}/events?{string.Join('&', query)}";
        return await http.GetFromJsonAsync<SpaceEventPage>(path, ct)
            ?? throw new HttpRequestException("webhook-ingress answered an empty page.");
    }
}
