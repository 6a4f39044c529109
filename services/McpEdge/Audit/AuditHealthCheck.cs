using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.McpEdge.Audit;

/// <summary>
/// Reports the audit path on <c>/health</c>: records waiting in the journal and records dropped since start.
/// Never unhealthy — tool calls keep working while the broker is away — but degraded while anything waits or was lost.
/// </summary>
public sealed class AuditHealthCheck(AuditJournal journal, AuditMetrics metrics) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = journal.Pending;
        var dropped = metrics.DroppedTotal;
        var description = $"journal pending: {pending}; dropped: {dropped}";
        return Task.FromResult(pending == 0 && dropped == 0 ? HealthCheckResult.Healthy(description) : HealthCheckResult.Degraded(description));
    }
}
