namespace Platform.Contracts;

/// <summary>
/// A request forwarded by the MCP edge has finished (a tool call, or a resource read, prompt fetch, completion...: see
/// <see cref="Kind"/>); arguments are already redacted. Travels on the bus inside a
/// <see cref="ToolCallCompletedBatch"/> (never alone); <see cref="Id"/> identifies the call wherever it travels.
/// </summary>
public sealed record ToolCallCompleted(
    Guid Id,
    DateTime OccurredAt,
    string TenantId,
    string AgentId,
    string SubjectId,
    Guid InstallId,
    string ToolName,
    string UpstreamToolName,
    DateTime StartedAt,
    long DurationMs,
    string Outcome,
    string? ErrorClass,
    string RedactedArguments,
    long BytesIn,
    long BytesOut,
    string? TraceId)
{
    /// <summary>
    /// What was forwarded (<see cref="ToolCallKinds"/>); a message from a publisher that predates it is a tool call.
    /// </summary>
    public string Kind { get; init; } = ToolCallKinds.Tool;

    /// <summary>
    /// The agent's slug as it was when the call was made (ids stay the key; names are for people reading the audit).
    /// Null in messages from a publisher that predates it.
    /// </summary>
    public string? AgentSlug { get; init; }

    /// <summary>The name of the identity the agent acted for, as it was when the call was made; null in older messages.</summary>
    public string? IdentityName { get; init; }

    /// <summary>
    /// The namespace the call went to as it was then: the install's slug, or <c>agent.&lt;slug&gt;</c> for a call to
    /// another agent; null for the platform's own tools, calls that reached no install, and older messages.
    /// </summary>
    public string? InstallSlug { get; init; }

    /// <summary>
    /// The install id of calls that reached no install: the platform's own tools (<c>platform__*</c>) and calls
    /// refused before routing (unknown namespace). Never the id of a real install.
    /// </summary>
    public static readonly Guid PlatformInstallId = new("00000000-0000-0000-0000-000000000001");
}
