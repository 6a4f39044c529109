using System.Threading.Channels;

namespace Platform.Hosting;

/// <summary>The live state of one resource instance; written by the orchestrator, read by the dashboard.</summary>
public sealed class ResourceInstanceState
{
    private const int LogCapacity = 2000;

    private readonly Lock _gate = new();
    private readonly Queue<LogLine> _logs = new();
    private readonly List<Channel<LogLine>> _subscribers = [];
    private readonly Action _changed;
    private long _logSequence;

    internal ResourceInstanceState(string name, string resource, string type, Action changed)
    {
        Name = name;
        Resource = resource;
        Type = type;
        _changed = changed;
    }

    public string Name { get; }
    public string Resource { get; }
    public string Type { get; }
    public string State { get; private set; } = ResourceStates.NotStarted;
    public IReadOnlyList<string> Urls { get; private set; } = [];
    public int? Pid { get; private set; }
    public int RestartCount { get; private set; }
    public HealthResult? Health { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public int? ExitCode { get; private set; }
    public IReadOnlyList<EnvironmentEntry> Environment { get; private set; } = [];

    public void SetState(string state) => Update(() => State = state);

    public void SetUrls(IReadOnlyList<string> urls) => Update(() => Urls = urls);

    public void SetEnvironment(IReadOnlyList<EnvironmentEntry> environment) => Update(() => Environment = environment);

    public void SetHealth(HealthResult health) => Update(() => Health = health);

    public void MarkStarted(int? pid) => Update(() => { Pid = pid; StartedAt = DateTimeOffset.UtcNow; ExitCode = null; });

    public void MarkExited(int? exitCode) => Update(() => { ExitCode = exitCode; Pid = null; });

    public void MarkRestart() => Update(() => RestartCount++);

    public ResourceSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new(Name, Resource, Type, State, Urls, Pid, RestartCount, Health, StartedAt, ExitCode);
        }
    }

    public IReadOnlyList<LogLine> RecentLogs(int count)
    {
        lock (_gate)
        {
            return [.. _logs.TakeLast(count)];
        }
    }

    public void AppendLog(string text, bool isError)
    {
        lock (_gate)
        {
            var line = new LogLine(++_logSequence, DateTimeOffset.UtcNow, text, isError);
            _logs.Enqueue(line);
            if (_logs.Count > LogCapacity)
            {
                _logs.Dequeue();
            }
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(line);
            }
        }
    }

    /// <summary>The retained log lines, then every new line until the token is cancelled.</summary>
    public async IAsyncEnumerable<LogLine> FollowLogsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(LogCapacity) { FullMode = BoundedChannelFullMode.DropOldest });
        LogLine[] backlog;
        lock (_gate)
        {
            backlog = [.. _logs];
            _subscribers.Add(channel);
        }
        try
        {
            foreach (var line in backlog)
            {
                yield return line;
            }
            await foreach (var line in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return line;
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }

    private void Update(Action change)
    {
        lock (_gate)
        {
            change();
        }
        _changed();
    }
}
