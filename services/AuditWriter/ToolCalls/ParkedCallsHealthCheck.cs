using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.AuditWriter.IntegrationEvents.EventHandling;

namespace Platform.AuditWriter.ToolCalls;

/// <summary>
/// Degraded while a tool call was parked in <c>tool-call-audit_error</c> within the alarm window: the call is not
/// in the audit until someone moves it back. Never unhealthy, since everything else is still stored.
/// </summary>
public sealed class ParkedCallsHealthCheck(ParkedAlarm alarm) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var last = alarm.Last?.ToString("O", CultureInfo.InvariantCulture) ?? "never";
        var description = $"tool calls parked in {ToolCallCompletedBatchConsumer.ErrorQueueName} since start: {alarm.Total}; last: {last}";
        return Task.FromResult(alarm.IsRaised ? HealthCheckResult.Degraded(description) : HealthCheckResult.Healthy(description));
    }
}
