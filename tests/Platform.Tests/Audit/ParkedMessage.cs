using System.Text.Json;

namespace Platform.Tests.Audit;

/// <summary>A message taken from an error or skipped queue: its body and its headers (MassTransit's <c>MT-Fault-*</c>).</summary>
public sealed record ParkedMessage(string Body, IReadOnlyDictionary<string, string> Headers)
{
    public string? FaultMessage => Headers.TryGetValue("MT-Fault-Message", out var value) ? value : null;

    /// <summary>The ids of the calls of a parked <c>ToolCallCompletedBatch</c> (MassTransit's envelope: <c>message.calls[].id</c>).</summary>
    public IReadOnlyList<Guid> ToolCallIds()
    {
        using var document = JsonDocument.Parse(Body);
        return [.. document.RootElement.GetProperty("message").GetProperty("calls").EnumerateArray().Select(call => call.GetProperty("id").GetGuid())];
    }
}
