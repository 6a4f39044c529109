namespace Platform.Benchmarks;

/// <summary>One benchmark: measures something and its baseline in the same run, and prints a Markdown report.</summary>
public interface IBenchmark
{
    /// <summary>The name given on the command line.</summary>
    string Name { get; }

    string Description { get; }

    Task RunAsync(BenchmarkReport report, CancellationToken cancellationToken);
}
