namespace Platform.Tests.Audit;

/// <summary>A message taken from an error or skipped queue: its body and its headers (MassTransit's <c>MT-Fault-*</c>).</summary>
public sealed record ParkedMessage(string Body, IReadOnlyDictionary<string, string> Headers)
{
    public string? FaultMessage => Headers.TryGetValue("MT-Fault-Message", out var value) ? value : null;
}
