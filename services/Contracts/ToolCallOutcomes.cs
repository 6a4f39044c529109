namespace Platform.Contracts;

/// <summary>
/// How a forwarded request ended (<see cref="ToolCallCompleted.Outcome"/>, <c>outcome</c> in <c>audit.tool_calls</c>
/// and in the audit query API). No other value is published; <see cref="Unknown"/> is what the audit writer stores
/// when a message arrives without one.
/// </summary>
public static class ToolCallOutcomes
{
    /// <summary>The upstream answered and the answer is not an error.</summary>
    public const string Success = "success";

    /// <summary>The upstream answered with an error of its own (<c>isError</c>, or a JSON-RPC error).</summary>
    public const string ToolError = "tool-error";

    /// <summary>The platform could not get an answer: not connected, timed out, unreachable, too large...</summary>
    public const string Failed = "failed";

    /// <summary>Refused before it went upstream: unknown, or not allowed by the install's lists.</summary>
    public const string Rejected = "rejected";

    /// <summary>The caller cancelled it.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Stored for a message that arrived without an outcome.</summary>
    public const string Unknown = "unknown";

    public static readonly IReadOnlyList<string> All = [Success, ToolError, Failed, Rejected, Cancelled, Unknown];
}
