using Platform.Benchmarks;

// Every IBenchmark in this assembly, by name.
var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name)
    .ToList();

if (args.Length == 0 || benchmarks.FirstOrDefault(b => b.Name == args[0]) is not { } benchmark)
{
    Console.Error.WriteLine("Usage: dotnet run -c Release --project benchmarks/Platform.Benchmarks -- <benchmark>");
    benchmarks.ForEach(b => Console.Error.WriteLine($"  {b.Name,-12} {b.Description}"));
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var report = new BenchmarkReport();
report.Heading($"{benchmark.Name}: {benchmark.Description}");
report.Line($"Machine: {BenchmarkReport.Machine()}. Run on {DateTime.UtcNow:yyyy-MM-dd}.");
report.Line($"Command: `dotnet run -c Release --project benchmarks/Platform.Benchmarks -- {benchmark.Name}`");
report.Line("");
await benchmark.RunAsync(report, cancel.Token);
Console.WriteLine(report);
return 0;
