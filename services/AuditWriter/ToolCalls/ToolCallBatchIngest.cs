using Platform.AuditWriter.Ingest;
using Platform.Contracts;

namespace Platform.AuditWriter.ToolCalls;

/// <summary>
/// The calls of one <see cref="ToolCallCompletedBatch"/> message: each is validated and redacted
/// (<see cref="ToolCallRecordFactory"/>) and handed to the batch writer at once, so the calls of many messages share
/// database batches; then all are awaited. A call the rules or the database refuse is answered with its reason and
/// never holds back the good calls of the same message, which are stored regardless.
/// </summary>
public sealed class ToolCallBatchIngest(ToolCallRecordFactory records, BatchWriter<ToolCallRecord> writer)
{
    public const string EmptyEntryReason = "ToolCallCompletedBatch holds an empty entry (null instead of a ToolCallCompleted).";

    /// <summary>
    /// Completes once every good call is committed (or was already stored: redelivery adds nothing), with the
    /// rejected calls in message order. Throws, leaving the message unacknowledged, when the writer cannot answer
    /// (stopping, cancelled) or fails in an unexpected way.
    /// </summary>
    public async Task<IReadOnlyList<RejectedCall>> StoreAsync(IReadOnlyList<ToolCallCompleted> calls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var rejected = new List<RejectedCall>();
        var writes = new List<(int Index, ToolCallCompleted Call, Task Stored)>(calls.Count);
        for (var index = 0; index < calls.Count; index++)
        {
            var call = calls[index];
            if (call is null)
            {
                rejected.Add(new RejectedCall(index, null, EmptyEntryReason));
                continue;
            }
            ToolCallRecord record;
            try
            {
                record = records.Create(call);
            }
            catch (RejectedRecordException invalid)
            {
                rejected.Add(new RejectedCall(index, call, invalid.Message));
                continue;
            }
            writes.Add((index, call, writer.WriteAsync(record, cancellationToken)));
        }

        // Every write settles before any outcome is read, so none is left running unobserved.
        await Task.WhenAll(writes.Select(write => write.Stored)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var (index, call, stored) in writes)
        {
            if (stored.IsCompletedSuccessfully)
            {
                continue;
            }
            if (stored.Exception?.InnerException is RejectedRecordException refused)
            {
                rejected.Add(new RejectedCall(index, call, refused.Message));
                continue;
            }
            // Cancelled (shutdown) or an unexpected failure: rethrown, so the message comes back.
            await stored;
        }
        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        return rejected;
    }

    /// <summary>
    /// The error-queue messages for the rejected calls: one per distinct reason, each holding only the calls that
    /// share it, in message order. Rule reasons name the event id, so each such call is parked alone with its reason.
    /// </summary>
    public static IReadOnlyList<ParkedCalls> ForErrorQueue(IReadOnlyList<RejectedCall> rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        return [.. rejected
            .GroupBy(call => call.Reason, StringComparer.Ordinal)
            .Select(group => new ParkedCalls(group.Key, new ToolCallCompletedBatch([.. group.Select(call => call.Call!)])))];
    }
}
