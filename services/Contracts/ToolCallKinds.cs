namespace Platform.Contracts;

/// <summary>
/// What a <see cref="ToolCallCompleted"/> records: every request the edge forwards to an upstream is audited, and
/// this tells them apart (<c>kind</c> in <c>audit.tool_calls</c> and in the audit query API).
/// </summary>
public static class ToolCallKinds
{
    /// <summary><c>tools/call</c>.</summary>
    public const string Tool = "tool";

    /// <summary><c>resources/read</c>: the tool name is the URI the agent asked for.</summary>
    public const string Resource = "resource";

    /// <summary><c>resources/templates/list</c> forwarded to one install.</summary>
    public const string ResourceTemplates = "resource-templates";

    /// <summary><c>prompts/get</c>.</summary>
    public const string Prompt = "prompt";

    /// <summary><c>completion/complete</c>: the tool name is the prompt or resource template being completed.</summary>
    public const string Completion = "completion";

    public static readonly IReadOnlyList<string> All = [Tool, Resource, ResourceTemplates, Prompt, Completion];
}
