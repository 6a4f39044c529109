using System.Runtime.InteropServices;
using System.Text;

namespace Platform.Benchmarks;

/// <summary>Markdown written to the console: paste it into docs/benchmarks.md.</summary>
public sealed class BenchmarkReport
{
    private readonly StringBuilder _text = new();

    public void Heading(string text) => _text.AppendLine().AppendLine($"### {text}").AppendLine();

    public void Line(string text) => _text.AppendLine(text);

    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        _text.AppendLine($"| {string.Join(" | ", header)} |");
        _text.AppendLine($"|{string.Concat(header.Select(_ => "---|"))}");
        foreach (var row in rows)
        {
            _text.AppendLine($"| {string.Join(" | ", row)} |");
        }
        _text.AppendLine();
    }

    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, " +
        $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {CpuModel()}";

    public override string ToString() => _text.ToString();

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
}
