using Platform.Contracts;

namespace Platform.McpEdge.Audit;

/// <summary>
/// Cuts a round of tool-call events into bus messages (<see cref="ToolCallCompletedBatch"/>): at most
/// <c>maxCalls</c> calls and about <c>maxArgumentChars</c> characters of redacted arguments each, in order. Nothing
/// waits to fill a message: the round's events are cut as they are, so few queued calls make small messages. A call
/// whose arguments alone exceed the size limit goes in a message of its own.
/// </summary>
public static class AuditMessageBatcher
{
    /// <summary>
    /// About 256 KiB of redacted arguments per message (counted in characters of <c>RedactedArguments</c>, an
    /// estimate of the message body, which adds the other fields and JSON escaping).
    /// </summary>
    public const int MaxArgumentCharsPerMessage = 256 * 1024;

    public static IReadOnlyList<ToolCallCompleted[]> Split(
        IReadOnlyList<ToolCallCompleted> calls, int maxCalls, int maxArgumentChars = MaxArgumentCharsPerMessage)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCalls, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxArgumentChars, 1);
        var messages = new List<ToolCallCompleted[]>();
        var current = new List<ToolCallCompleted>(Math.Min(maxCalls, calls.Count));
        long currentChars = 0;
        foreach (var call in calls)
        {
            var chars = call.RedactedArguments?.Length ?? 0;
            if (current.Count > 0 && (current.Count >= maxCalls || currentChars + chars > maxArgumentChars))
            {
                messages.Add([.. current]);
                current.Clear();
                currentChars = 0;
            }
            current.Add(call);
            currentChars += chars;
        }
        if (current.Count > 0)
        {
            messages.Add([.. current]);
        }
        return messages;
    }
}
