using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Platform.Contracts;

namespace Platform.McpEdge.Audit;

/// <summary>
/// Where the data path drops finished calls: a bounded in-memory queue read by <see cref="AuditPublisher"/>.
/// Enqueueing never waits. When the queue is full the record is redacted and journaled on the spot; only when the
/// journal refuses too is it dropped, and counted.
/// </summary>
public sealed partial class ToolCallAuditQueue
{
    private readonly Channel<ToolCallRecord> _channel;
    private readonly ToolCallEvents _events;
    private readonly AuditJournal _journal;
    private readonly AuditMetrics _metrics;
    private readonly ILogger<ToolCallAuditQueue> _logger;

    public ToolCallAuditQueue(IOptions<AuditOptions> options, ToolCallEvents events, AuditJournal journal, AuditMetrics metrics, ILogger<ToolCallAuditQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _channel = Channel.CreateBounded<ToolCallRecord>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _events = events;
        _journal = journal;
        _metrics = metrics;
        _logger = logger;
        metrics.Observe(() => _channel.Reader.Count, () => journal.Pending);
    }

    public ChannelReader<ToolCallRecord> Reader => _channel.Reader;

    /// <summary>
    /// The publisher stopped (shutdown): from now on records go straight to the journal, including those of requests
    /// still finishing while the server drains.
    /// </summary>
    public void Close() => _channel.Writer.TryComplete();

    public void Enqueue(ToolCallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_channel.Writer.TryWrite(record))
        {
            return;
        }
        Spill([record]);
    }

    /// <summary>Redacts and journals records that cannot wait in memory; counts them as dropped if that fails.</summary>
    public void Spill(IReadOnlyCollection<ToolCallRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        try
        {
            _journal.Append([.. records.Select(_events.Create)]);
            _metrics.Journaled(records.Count);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _metrics.Dropped(records.Count);
            LogDropped(_logger, records.Count, exception.GetType().Name);
        }
    }

    /// <summary>Journals events that could not be published; counts them as dropped if that fails.</summary>
    public void Spill(IReadOnlyCollection<ToolCallCompleted> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        try
        {
            _journal.Append(events);
            _metrics.Journaled(events.Count);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _metrics.Dropped(events.Count);
            LogDropped(_logger, events.Count, exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropped {Count} tool-call audit records: the journal could not be written ({Error})")]
    private static partial void LogDropped(ILogger logger, int count, string error);
}
