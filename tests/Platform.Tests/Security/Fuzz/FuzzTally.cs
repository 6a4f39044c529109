using System.Collections.Concurrent;

namespace Platform.Tests.Security.Fuzz;

/// <summary>What the fuzzer saw: answers by kind and status, the inputs that got a 5xx or broke the connection.</summary>
public sealed class FuzzTally
{
    private readonly ConcurrentDictionary<(string Kind, int Status), int> _statuses = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentDictionary<string, int> _failedRoutes = new();
    private int _sent;

    public int Sent => Volatile.Read(ref _sent);

    public IReadOnlyCollection<string> Failures => _failures;

    public int Count(string kind) => _statuses.Where(s => s.Key.Kind == kind).Sum(s => s.Value);

    public void Answered(FuzzInput input, int status, string body)
    {
        Interlocked.Increment(ref _sent);
        _statuses.AddOrUpdate((input.Kind, status), 1, (_, n) => n + 1);
        if (status >= 500)
        {
            _failures.Enqueue($"{status} for {input}: {body[..Math.Min(body.Length, 300)]}");
            _failedRoutes.AddOrUpdate($"{status} {input.Method} {input.Target}{Route(input.Path)}", 1, (_, n) => n + 1);
        }
    }

    public void Broke(FuzzInput input, Exception exception)
    {
        Interlocked.Increment(ref _sent);
        _failures.Enqueue($"no answer for {input}: {exception.GetType().Name}: {exception.Message}");
    }

    /// <summary>The failures counted by status and route (ids and query strings left out), most frequent first.</summary>
    public string FailedRoutes() =>
        string.Join(Environment.NewLine, _failedRoutes.OrderByDescending(r => r.Value).Select(r => $"{r.Value}× {r.Key}"));

    private static string Route(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path.Split('?')[0], "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}");

    public override string ToString() =>
        string.Join(Environment.NewLine, _statuses.GroupBy(s => s.Key.Kind).OrderBy(g => g.Key).Select(g =>
            $"{g.Key}: {g.Sum(s => s.Value)} inputs; " + string.Join(", ", g.OrderBy(s => s.Key.Status).Select(s => $"{s.Key.Status}×{s.Value}"))));
}
