using System.Text.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Vault;

/// <summary>Reads a resource's console lines from the dashboard's event stream (<c>GET /api/resources/{name}/logs</c>).</summary>
public static class ResourceLogs
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Every line from the start of the stream up to and including the first that contains <paramref name="marker"/>;
    /// write the marker last, so that every line before it has been captured.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReadUntilAsync(DistributedApplication app, string resource, string marker, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        using var dashboard = new HttpClient { BaseAddress = new Uri(app.Endpoints.Dashboard), Timeout = Timeout.InfiniteTimeSpan };
        using var response = await dashboard.GetAsync($"/api/resources/{resource}/logs", HttpCompletionOption.ResponseHeadersRead, cts.Token);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        var lines = new List<string>();
        try
        {
            while (await reader.ReadLineAsync(cts.Token) is { } line)
            {
                if (!line.StartsWith("data:", StringComparison.Ordinal))
                {
                    continue;
                }
                var text = JsonSerializer.Deserialize<LogLineView>(line["data:".Length..], JsonOptions)?.Text ?? "";
                lines.Add(text);
                if (text.Contains(marker, StringComparison.Ordinal))
                {
                    return lines;
                }
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
        }
        throw new TimeoutException($"The marker did not appear in {resource}'s log within {timeout.TotalSeconds:0} s ({lines.Count} lines read).");
    }

    private sealed record LogLineView(long Sequence, string Text, bool IsError);
}
