using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.Contracts;
using Platform.ServiceDefaults;

namespace Platform.McpEdge.Audit;

/// <summary>
/// The durable side of the audit path: records (already redacted) that could not be published yet, as JSON lines
/// in this instance's own folder. New records are appended to <c>active.jsonl</c> and flushed to disk; to replay,
/// the active file is sealed into a numbered segment, published in order, and deleted once every record in it is
/// on the broker. A crash between publishing and deleting repeats some records; the audit writer ignores repeats.
/// </summary>
public sealed partial class AuditJournal : IDisposable
{
    private const string ActiveName = "active.jsonl";
    private const string SegmentPattern = "segment-*.jsonl";

    private readonly Lock _lock = new();
    private readonly ILogger<AuditJournal> _logger;
    private FileStream? _active;
    private long _pending;

    public AuditJournal(IOptions<AuditOptions> options, ServiceIdentity identity, ILogger<AuditJournal> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(identity);
        _logger = logger;
        var root = options.Value.JournalDirectory is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "mcp-edge-journal");
        Directory = Path.Combine(root, string.Concat(identity.Instance.Split(Path.GetInvalidFileNameChars())));
        System.IO.Directory.CreateDirectory(Directory);
        _pending = CountExisting();
    }

    public string Directory { get; }

    /// <summary>Records on disk, not yet published.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>Appends and flushes to disk; throws when the disk refuses (the caller counts the records as dropped).</summary>
    public void Append(IReadOnlyCollection<ToolCallCompleted> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }
        var bytes = new MemoryStream();
        foreach (var item in events)
        {
            JsonSerializer.Serialize(bytes, item);
            bytes.WriteByte((byte)'\n');
        }
        lock (_lock)
        {
            _active ??= new FileStream(Path.Combine(Directory, ActiveName), FileMode.Append, FileAccess.Write, FileShare.Read);
            bytes.Position = 0;
            bytes.CopyTo(_active);
            _active.Flush(flushToDisk: true);
            Interlocked.Add(ref _pending, events.Count);
        }
    }

    /// <summary>Closes the active file into a segment, so it can be replayed while new records start a new file.</summary>
    public void Seal()
    {
        lock (_lock)
        {
            _active?.Dispose();
            _active = null;
            var active = Path.Combine(Directory, ActiveName);
            if (File.Exists(active) && new FileInfo(active).Length > 0)
            {
                File.Move(active, Path.Combine(Directory, $"segment-{DateTime.UtcNow.Ticks:D20}-{Guid.NewGuid():N}.jsonl"));
            }
        }
    }

    /// <summary>Sealed segments, oldest first.</summary>
    public IReadOnlyList<string> Segments() =>
        [.. System.IO.Directory.EnumerateFiles(Directory, SegmentPattern).Order(StringComparer.Ordinal)];

    /// <summary>A segment's records; a line that cannot be read (cut short by a crash) is skipped and counted.</summary>
    public (IReadOnlyList<ToolCallCompleted> Events, int Unreadable) Read(string segment)
    {
        var events = new List<ToolCallCompleted>();
        var unreadable = 0;
        foreach (var line in File.ReadLines(segment, Encoding.UTF8))
        {
            if (line.Length == 0)
            {
                continue;
            }
            try
            {
                events.Add(JsonSerializer.Deserialize<ToolCallCompleted>(line) ?? throw new JsonException("null record"));
            }
            catch (JsonException)
            {
                unreadable++;
            }
        }
        if (unreadable > 0)
        {
            LogUnreadable(_logger, unreadable, Path.GetFileName(segment));
            Interlocked.Add(ref _pending, -unreadable);
        }
        return (events, unreadable);
    }

    /// <summary>Every record of the segment is on the broker.</summary>
    public void Complete(string segment, int published)
    {
        File.Delete(segment);
        Interlocked.Add(ref _pending, -published);
    }

    /// <summary>Part of the segment was published: keep only the rest (written aside, then swapped in).</summary>
    public void Keep(string segment, IReadOnlyCollection<ToolCallCompleted> remaining, int published)
    {
        ArgumentNullException.ThrowIfNull(remaining);
        var temporary = segment + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            foreach (var item in remaining)
            {
                JsonSerializer.Serialize(stream, item);
                stream.WriteByte((byte)'\n');
            }
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, segment, overwrite: true);
        Interlocked.Add(ref _pending, -published);
    }

    /// <summary>After a full replay: when no file holds a record any more, nothing is pending, whatever was counted.</summary>
    public void ResetIfEmpty()
    {
        lock (_lock)
        {
            var active = Path.Combine(Directory, ActiveName);
            if (Segments().Count == 0 && (!File.Exists(active) || new FileInfo(active).Length == 0))
            {
                Interlocked.Exchange(ref _pending, 0);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _active?.Dispose();
            _active = null;
        }
    }

    private long CountExisting()
    {
        long count = 0;
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*.jsonl"))
        {
            count += File.ReadLines(file).Count(line => line.Length > 0);
        }
        if (count > 0)
        {
            LogFound(_logger, count, Directory);
        }
        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit journal holds {Count} unpublished records from a previous run in {Directory}")]
    private static partial void LogFound(ILogger logger, long count, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "Skipped {Count} unreadable audit journal lines in {Segment}")]
    private static partial void LogUnreadable(ILogger logger, int count, string segment);
}
