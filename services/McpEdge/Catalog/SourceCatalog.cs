using System.Collections.Frozen;
using ModelContextProtocol.Protocol;

namespace Platform.McpEdge.Catalog;

/// <summary>
/// What one upstream offers one subject, already namespaced and filtered (allow/deny lists), or why it could not
/// be listed. <see cref="FailureReason"/> set means the upstream is left out of the lists for now.
/// </summary>
public sealed class SourceCatalog
{
    public SourceCatalog(
        UpstreamSource source,
        IReadOnlyList<ExposedTool> tools,
        IReadOnlyList<Resource> resources,
        IReadOnlyList<ResourceTemplate> templates,
        IReadOnlyList<Prompt> prompts,
        string? failureReason,
        string? failureClass = null)
    {
        Source = source;
        Tools = tools;
        Resources = resources;
        Templates = templates;
        Prompts = prompts;
        FailureReason = failureReason;
        FailureClass = failureClass;
        ToolsByName = tools.ToFrozenDictionary(tool => tool.Name, StringComparer.Ordinal);
    }

    public UpstreamSource Source { get; }

    public IReadOnlyList<ExposedTool> Tools { get; }

    public IReadOnlyList<Resource> Resources { get; }

    public IReadOnlyList<ResourceTemplate> Templates { get; }

    public IReadOnlyList<Prompt> Prompts { get; }

    public string? FailureReason { get; }

    public string? FailureClass { get; }

    public FrozenDictionary<string, ExposedTool> ToolsByName { get; }

    public bool IsAvailable => FailureReason is null;

    /// <summary>When this replica listed the upstream (or failed to); null when it was not asked (an unusable source).</summary>
    public DateTimeOffset? ListedAt { get; set; }

    /// <summary>When listing failed for lack of scope: the scopes the upstream asked for (a step-up link asks for them).</summary>
    public string? RequiredScope { get; init; }

    public static SourceCatalog Failed(UpstreamSource source, string reason, string failureClass, string? requiredScope = null) =>
        new(source, [], [], [], [], reason, failureClass) { RequiredScope = requiredScope };
}
