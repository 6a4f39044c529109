using Platform.AuditWriter.Queries;

namespace Platform.AuditWriter.Apis;

/// <summary>What the audit and usage endpoints need.</summary>
public sealed class AuditServices(ToolCallQueries toolCalls, ModelCallQueries modelCalls, TimeProvider timeProvider)
{
    public ToolCallQueries ToolCalls { get; } = toolCalls;

    public ModelCallQueries ModelCalls { get; } = modelCalls;

    public TimeProvider TimeProvider { get; } = timeProvider;
}
