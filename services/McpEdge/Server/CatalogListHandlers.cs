using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using Platform.Contracts;
using Platform.McpEdge.Audit;
using Platform.McpEdge.Catalog;
using Platform.McpEdge.Spaces;
using Platform.McpEdge.Tools;

namespace Platform.McpEdge.Server;

/// <summary>
/// tools/list, resources/list, resources/templates/list and prompts/list over everything the caller may reach,
/// paged with cursors every replica understands. Upstreams left out because they could not be listed are named,
/// with the reason, in the result's <c>_meta</c> under <see cref="UnavailableMetaKey"/>. Resources, templates and
/// prompts follow each install's resource and prompt lists; a resources/templates/list (templates tell an agent
/// which URIs it can build and read) leaves an audit record.
/// </summary>
public sealed class CatalogListHandlers(CatalogService catalogs, SpaceResources spaces, IOptions<McpEdgeOptions> options, ToolCallAuditQueue audit, TimeProvider timeProvider)
{
    public const string UnavailableMetaKey = "io.platform/unavailable";

    public async ValueTask<ListToolsResult> ListToolsAsync(EdgeCaller caller, ListToolsRequestParams? request, CancellationToken ct)
    {
        var catalog = await catalogs.GetAsync(caller, ct);
        var (items, next) = CursorPage.Take(PlatformTools.Definitions.Concat(catalog.Tools), request?.Cursor, options.Value.PageSize);
        return new ListToolsResult { Tools = [.. items], NextCursor = next, Meta = UnavailableMeta(catalog) };
    }

    public async ValueTask<ListResourcesResult> ListResourcesAsync(EdgeCaller caller, ListResourcesRequestParams? request, CancellationToken ct)
    {
        var catalog = await catalogs.GetAsync(caller, ct);
        var granted = await spaces.ListAsync(caller, ct);
        var (items, next) = CursorPage.Take(granted.Concat(catalog.Resources), request?.Cursor, options.Value.PageSize);
        return new ListResourcesResult { Resources = [.. items], NextCursor = next, Meta = UnavailableMeta(catalog) };
    }

    public async ValueTask<ListResourceTemplatesResult> ListTemplatesAsync(EdgeCaller caller, ListResourceTemplatesRequestParams? request, CancellationToken ct)
    {
        var call = new ForwardedCall(caller, ToolCallKinds.ResourceTemplates, RequestMethods.ResourcesTemplatesList, null, timeProvider);
        try
        {
            var catalog = await catalogs.GetAsync(caller, ct);
            var (items, next) = CursorPage.Take(catalog.Templates, request?.Cursor, options.Value.PageSize);
            return call.Succeed(new ListResourceTemplatesResult { ResourceTemplates = [.. items], NextCursor = next, Meta = UnavailableMeta(catalog) });
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            call.Cancel();
            throw;
        }
        finally
        {
            call.Complete(audit);
        }
    }

    public async ValueTask<ListPromptsResult> ListPromptsAsync(EdgeCaller caller, ListPromptsRequestParams? request, CancellationToken ct)
    {
        var catalog = await catalogs.GetAsync(caller, ct);
        var (items, next) = CursorPage.Take(catalog.Prompts, request?.Cursor, options.Value.PageSize);
        return new ListPromptsResult { Prompts = [.. items], NextCursor = next, Meta = UnavailableMeta(catalog) };
    }

    private static JsonObject? UnavailableMeta(CallerCatalog catalog)
    {
        var unavailable = catalog.Unavailable
            .Select(c => new JsonObject { ["namespace"] = c.Source.Namespace, ["name"] = c.Source.DisplayName, ["reason"] = c.FailureReason })
            .ToArray<JsonNode?>();
        return unavailable.Length == 0 ? null : new JsonObject { [UnavailableMetaKey] = new JsonArray(unavailable) };
    }
}
