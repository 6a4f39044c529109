using System.Diagnostics;

namespace Platform.Benchmarks;

/// <summary>Collects per-operation latencies (thread-safe) and reports percentiles and throughput.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> _milliseconds = [];
    private readonly Stopwatch _wall = new();
    private TimeSpan _combinedWall;

    public void Start() => _wall.Restart();

    public void Stop() => _wall.Stop();

    public void Record(TimeSpan elapsed)
    {
        lock (_milliseconds)
        {
            _milliseconds.Add(elapsed.TotalMilliseconds);
        }
    }

    public int Count
    {
        get
        {
            lock (_milliseconds)
            {
                return _milliseconds.Count;
            }
        }
    }

    public double OperationsPerSecond => Count / (_combinedWall + _wall.Elapsed).TotalSeconds;

    /// <summary>One recorder holding every sample of <paramref name="rounds"/>, and their time together.</summary>
    public static LatencyRecorder Combine(IEnumerable<LatencyRecorder> rounds)
    {
        var all = new LatencyRecorder();
        foreach (var round in rounds)
        {
            lock (round._milliseconds)
            {
                all._milliseconds.AddRange(round._milliseconds);
            }
            all._combinedWall += round._combinedWall + round._wall.Elapsed;
        }
        return all;
    }

    public double Percentile(double p)
    {
        lock (_milliseconds)
        {
            if (_milliseconds.Count == 0)
            {
                return double.NaN;
            }
            var sorted = _milliseconds.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }

    /// <summary>Runs <paramref name="operation"/> from <paramref name="concurrency"/> loops until <paramref name="duration"/> ends.</summary>
    public static async Task<LatencyRecorder> RunAsync(int concurrency, TimeSpan duration, Func<CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        var recorder = new LatencyRecorder();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        recorder.Start();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(cancellationToken);
                recorder.Record(Stopwatch.GetElapsedTime(started));
            }
        }, cancellationToken)));
        recorder.Stop();
        return recorder;
    }
}
