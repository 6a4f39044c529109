namespace Platform.Benchmarks.Edge;

/// <summary>One way to make the same call (the upstream directly, through the platform, through the peer).</summary>
internal sealed record EdgePath(string Name, Func<CancellationToken, Task> Call);

/// <summary>A path's samples and calls/s pooled over the rounds, and the CPU time each part spent while it ran.</summary>
internal sealed record PathResult(LatencyRecorder Latency, TimeSpan[] Cpu)
{
    /// <summary>Milliseconds of CPU per call in each part.</summary>
    public double[] CpuPerCall => [.. Cpu.Select(time => time.TotalMilliseconds / Math.Max(1, Latency.Count))];
}

/// <summary>
/// Paths measured in interleaved rounds: each round runs every path in turn for the same time, so that a change in
/// the shared machine's load falls on all of them alike.
/// </summary>
internal static class EdgeRounds
{
    public static async Task<IReadOnlyList<PathResult>> RunAsync(
        IReadOnlyList<EdgePath> paths, int concurrency, int rounds, TimeSpan each, EdgeCpu cpu, CancellationToken ct)
    {
        var latencies = paths.Select(_ => new List<LatencyRecorder>()).ToArray();
        var spent = paths.Select(_ => new TimeSpan[cpu.Names.Count]).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var path = 0; path < paths.Count; path++)
            {
                var before = cpu.Snapshot();
                latencies[path].Add(await LatencyRecorder.RunAsync(concurrency, each, paths[path].Call, ct));
                var after = cpu.Snapshot();
                for (var part = 0; part < after.Length; part++)
                {
                    spent[path][part] += after[part] - before[part];
                }
            }
        }
        return [.. paths.Select((_, path) => new PathResult(LatencyRecorder.Combine(latencies[path]), spent[path]))];
    }
}
