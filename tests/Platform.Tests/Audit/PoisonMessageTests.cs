using Platform.Contracts;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Audit;

/// <summary>
/// A record that can never be stored is parked in the error queue with its reason; the consumer goes on. Tool calls
/// travel in batches: the bad calls of a batch are parked alone, each with its reason, and the good ones are stored.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PoisonMessageTests(DistributedApplicationFixture platform)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Bad_calls_in_a_batch_are_parked_alone_with_their_reasons_the_good_ones_are_stored_and_the_consumer_goes_on()
    {
        var database = new AuditDatabase(platform.GetConnectionString("auditdb"));
        var queues = new RabbitQueues(platform.GetConnectionString("eventbus"));
        var tenant = Guid.NewGuid().ToString();
        var noTenant = AuditBus.ToolCall(tenant) with { TenantId = " " };
        // Passes validation but PostgreSQL refuses it (an agent id with NUL: identifiers are never altered, since
        // filters match them exactly): isolated from its database batch, parked alone.
        var refusedByDatabase = AuditBus.ToolCall(tenant) with { AgentId = "bad\u0000agent" };
        var noAgent = AuditBus.ToolCall(tenant) with { AgentId = "" };
        var good = Enumerable.Range(0, 50).Select(_ => AuditBus.ToolCall(tenant)).ToList();
        var later = Enumerable.Range(0, 10).Select(_ => AuditBus.ToolCall(tenant, tool: "later__call")).ToList();
        Guid[] bad = [noTenant.Id, refusedByDatabase.Id, noAgent.Id];

        await using (var bus = await AuditBus.StartAsync(platform.GetConnectionString("eventbus")))
        {
            // One message, as the edge would send it: good calls with bad ones among them.
            await bus.PublishAsync(new ToolCallCompletedBatch([.. good.Take(25), noTenant, refusedByDatabase, .. good.Skip(25).Take(10), noAgent, .. good.Skip(35)]));
            await database.WaitForToolCallsAsync(tenant, 50, Timeout);
            // The consumer goes on: a later message is stored too.
            await bus.PublishAsync(new ToolCallCompletedBatch(later));
        }

        await database.WaitForToolCallsAsync(tenant, 60, Timeout);
        var parked = new List<ParkedMessage>();
        await Eventually.UntilAsync(
            async () =>
            {
                parked.AddRange(await queues.DrainAsync("tool-call-audit_error"));
                return bad.All(id => parked.Any(m => m.Body.Contains(id.ToString(), StringComparison.Ordinal)));
            },
            Timeout,
            () => $"the three bad calls in tool-call-audit_error; parked so far: {parked.Count}");
        var ours = parked.Where(m => bad.Concat(good.Select(c => c.Id)).Any(id => m.Body.Contains(id.ToString(), StringComparison.Ordinal))).ToList();

        // Each bad call alone in its own message (never with a good one), as a batch that could be moved back.
        Assert.Equal(3, ours.Count);
        Assert.All(ours, m => Assert.Contains("urn:message:Platform.Contracts:ToolCallCompletedBatch", m.Body, StringComparison.Ordinal));
        Assert.Equal(bad.Order(), ours.SelectMany(m => m.ToolCallIds()).Order());
        Assert.Equal($"ToolCallCompleted {noTenant.Id} has no tenantId.", Parked(noTenant.Id).FaultMessage);
        Assert.Equal($"ToolCallCompleted {noAgent.Id} has no agentId.", Parked(noAgent.Id).FaultMessage);
        Assert.Contains("refused by the database (SQLSTATE 22021", Parked(refusedByDatabase.Id).FaultMessage, StringComparison.Ordinal);
        Assert.Equal(60, await database.ToolCallCountAsync(tenant));
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM audit.tool_calls WHERE id = ANY($1)", bad));

        ParkedMessage Parked(Guid id) => Assert.Single(ours, m => m.ToolCallIds().Contains(id));
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
