using Platform.Tests.Infrastructure;

namespace Platform.Tests.Audit;

/// <summary>A record that can never be stored is parked in the error queue with its reason; the consumer goes on.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PoisonMessageTests(DistributedApplicationFixture platform)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_invalid_tool_call_goes_to_the_error_queue_with_its_reason_and_the_rest_are_stored()
    {
        var database = new AuditDatabase(platform.GetConnectionString("auditdb"));
        var queues = new RabbitQueues(platform.GetConnectionString("eventbus"));
        var tenant = Guid.NewGuid().ToString();
        var noTenant = AuditBus.ToolCall(tenant) with { TenantId = " " };
        // Passes validation but PostgreSQL refuses it (NUL in text): isolated from its batch, parked alone.
        var refusedByDatabase = AuditBus.ToolCall(tenant, tool: "bad\u0000tool");
        var good = Enumerable.Range(0, 50).Select(_ => AuditBus.ToolCall(tenant)).ToList();

        await using (var bus = await AuditBus.StartAsync(platform.GetConnectionString("eventbus")))
        {
            await bus.PublishAllAsync(good.Take(25).Append(noTenant).Append(refusedByDatabase).Concat(good.Skip(25)));
        }

        await database.WaitForToolCallsAsync(tenant, 50, Timeout);
        var parked = new List<ParkedMessage>();
        await Eventually.UntilAsync(
            async () =>
            {
                parked.AddRange(await queues.DrainAsync("tool-call-audit_error"));
                return parked.Any(m => m.Body.Contains(noTenant.Id.ToString(), StringComparison.Ordinal))
                    && parked.Any(m => m.Body.Contains(refusedByDatabase.Id.ToString(), StringComparison.Ordinal));
            },
            Timeout,
            () => $"both bad records in tool-call-audit_error; parked so far: {parked.Count}");

        var missingTenant = parked.Single(m => m.Body.Contains(noTenant.Id.ToString(), StringComparison.Ordinal));
        Assert.Equal($"ToolCallCompleted {noTenant.Id} has no tenantId.", missingTenant.FaultMessage);
        var refused = parked.Single(m => m.Body.Contains(refusedByDatabase.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains("refused by the database (SQLSTATE 22021", refused.FaultMessage, StringComparison.Ordinal);
        Assert.Equal(50, await database.ToolCallCountAsync(tenant));
    }

    [Fact]
    public async Task An_invalid_model_call_goes_to_the_ledger_error_queue_and_later_ones_are_stored()
    {
        var database = new AuditDatabase(platform.GetConnectionString("auditdb"));
        var queues = new RabbitQueues(platform.GetConnectionString("eventbus"));
        var tenant = Guid.NewGuid().ToString();
        var negativeCost = AuditBus.ModelCall(tenant, cost: -1m);

        await using (var bus = await AuditBus.StartAsync(platform.GetConnectionString("eventbus")))
        {
            await bus.PublishAsync(negativeCost);
            await bus.PublishAsync(AuditBus.ModelCall(tenant));
        }

        await database.WaitForModelCallsAsync(tenant, 1, Timeout);
        var parked = new List<ParkedMessage>();
        await Eventually.UntilAsync(
            async () =>
            {
                parked.AddRange(await queues.DrainAsync("model-usage-ledger_error"));
                return parked.Any(m => m.Body.Contains(negativeCost.Id.ToString(), StringComparison.Ordinal));
            },
            Timeout,
            () => $"the bad record in model-usage-ledger_error; parked so far: {parked.Count}");

        Assert.Equal(
            $"ModelUsageRecorded {negativeCost.Id}: cost is outside 0..1000000.",
            parked.Single(m => m.Body.Contains(negativeCost.Id.ToString(), StringComparison.Ordinal)).FaultMessage);
        Assert.Equal(1, await database.ModelCallCountAsync(tenant));
    }
}
