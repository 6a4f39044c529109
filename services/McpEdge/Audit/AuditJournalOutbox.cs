using MassTransit;
using Microsoft.Extensions.Options;
using Platform.Contracts;
using Platform.Messaging.Outbox;

namespace Platform.McpEdge.Audit;

/// <summary>
/// The edge's outbox, for the shared relay: the journal's oldest sealed segment, cut into
/// <see cref="ToolCallCompletedBatch"/> messages of the same shape as the live path's. The edge owns nothing
/// durable but this instance's folder, so its outbox is files rather than a table. Nothing is taken while the bus
/// is unhealthy, so a broker outage does not rewrite segments over and over. Every call must reach the audit
/// writer, so a message no queue would take stays in the journal.
/// </summary>
public sealed class AuditJournalOutbox(AuditJournal journal, IBusControl bus, IOptions<AuditOptions> options, AuditMetrics metrics) : IOutboxStore
{
    public bool RequiresReceiver => true;

    public Task<IOutboxBatch> TakeAsync(int max, CancellationToken cancellationToken)
    {
        if (journal.Pending == 0 || bus.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            return Task.FromResult<IOutboxBatch>(new Batch(journal, null, [], [], metrics));
        }
        journal.Seal();
        if (journal.Segments() is not [var segment, ..])
        {
            journal.ResetIfEmpty();
            return Task.FromResult<IOutboxBatch>(new Batch(journal, null, [], [], metrics));
        }
        var (records, unreadable) = journal.Read(segment);
        if (unreadable > 0)
        {
            metrics.Dropped(unreadable);
        }
        var messages = AuditMessageBatcher.Split(records, options.Value.MaxCallsPerMessage).Take(Math.Max(max, 1)).ToList();
        return Task.FromResult<IOutboxBatch>(new Batch(journal, segment, records, messages, metrics));
    }

    /// <summary>A replayed segment is deleted as soon as it is published; nothing else is kept.</summary>
    public Task DeleteExpiredAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed class Batch(
        AuditJournal journal,
        string? segment,
        IReadOnlyList<ToolCallCompleted> records,
        IReadOnlyList<ToolCallCompleted[]> calls,
        AuditMetrics metrics) : IOutboxBatch
    {
        public IReadOnlyList<OutboxMessage> Messages { get; } =
            [.. calls.Select(message => new OutboxMessage(Guid.NewGuid(), new ToolCallCompletedBatch(message)))];

        /// <summary>
        /// All of the segment on the broker: the segment goes. Otherwise it keeps the unconfirmed calls first, then
        /// those not tried yet, in their order.
        /// </summary>
        public Task CompleteAsync(IReadOnlyList<bool> confirmed, CancellationToken cancellationToken)
        {
            if (segment is null)
            {
                return Task.CompletedTask;
            }
            var published = calls.Where((_, i) => confirmed[i]).Sum(message => message.Length);
            var failed = calls.Where((_, i) => !confirmed[i]).SelectMany(message => message).ToList();
            var untried = records.Skip(calls.Sum(message => message.Length)).ToList();
            metrics.Published(published, confirmed.Count(ok => ok));
            if (failed.Count == 0 && untried.Count == 0)
            {
                journal.Complete(segment, published);
                journal.ResetIfEmpty();
            }
            else
            {
                journal.Keep(segment, [.. failed, .. untried], published);
            }
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
