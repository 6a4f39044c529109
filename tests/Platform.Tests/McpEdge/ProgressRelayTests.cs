using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Platform.Tests.Infrastructure;
using Platform.Tests.Registry;
using Xunit.Abstractions;

namespace Platform.Tests.McpEdge;

/// <summary>
/// Every progress notification an upstream sends before its result reaches the caller before the result, whichever
/// forwarded request it answers (tools/call, resources/read, prompts/get, completion/complete, taken in turn).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ProgressRelayTests(DistributedApplicationFixture platform, ITestOutputHelper output)
{
    private const int Callers = 8;
    private const int CallsPerCaller = 125;

    [Fact]
    public async Task The_last_progress_sent_immediately_before_the_result_is_never_lost()
    {
        // A tenant of its own: the install outlives this test's upstream, and must not change what the shared EdgeWorld lists.
        var tenant = await new RegistryPlatform(platform).CreateTenantAsync("edge-own");
        var (_, token) = await tenant.IssueTokenAsync(await tenant.CreateAgentAsync("caller", await tenant.CreateIdentityAsync("owner")));
        var upstream = new FidelityUpstream();
        await using var server = await TestUpstream.StartPerRequestAsync(upstream.Create);
        var slug = "steps-" + Guid.NewGuid().ToString("N")[..6];
        await EdgeWorld.CreateInstallAsync(tenant, slug, server.Endpoint);
        var recorders = Enumerable.Range(0, Callers).Select(_ => new WireRecorder()).ToList();
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(recorders.Select(async recorder =>
        {
            await using var client = await EdgeClients.ThroughGatewayAsync(platform, token, recorder);
            for (var i = 0; i < CallsPerCaller; i++)
            {
                await RequestAsync(client, slug, i);
            }
        }));
        output.WriteLine($"{Callers * CallsPerCaller} requests by {Callers} parallel callers in {clock.Elapsed.TotalSeconds:F1} s");

        var calls = recorders.SelectMany(recorder => ResultProperties.SelectMany(recorder.Answers)).ToList();
        Assert.Equal(Callers * CallsPerCaller, calls.Count);
        var lost = calls.Where(messages => !ProgressThenResult(messages)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {calls.Count} requests did not get progress 1 and 2 before the result, e.g. {Describe(lost.FirstOrDefault())}");
    }

    /// <summary>What the result of each kind of request has: tools/call, resources/read, prompts/get, completion/complete.</summary>
    private static readonly string[] ResultProperties = ["content", "contents", "messages", "completion"];

    /// <summary>
    /// The <paramref name="i"/>th request of a caller, each kind in turn, each asking for progress; the chatty ones
    /// log too, below the <c>emergency</c> level asked for, so only their progress comes back.
    /// </summary>
    private static async Task RequestAsync(McpClient client, string slug, int i)
    {
        var options = new RequestOptions
        {
            ProgressToken = new ProgressToken(Guid.NewGuid().ToString("N")),
            Meta = new JsonObject { ["io.modelcontextprotocol/logLevel"] = "emergency" },
        };
        var prompt = new PromptReference { Name = $"{slug}__chatty" };
        switch (i % ResultProperties.Length)
        {
            case 0:
                var result = await client.CallToolAsync($"{slug}__two_steps", progress: new Progress<ProgressNotificationValue>());
                Assert.Equal("done", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
                break;
            case 1:
                var read = await client.ReadResourceAsync($"{slug}+{FidelityUpstream.ChattyUri}", options);
                Assert.Equal("chatted", Assert.IsType<TextResourceContents>(Assert.Single(read.Contents)).Text);
                break;
            case 2:
                var got = await client.GetPromptAsync(prompt.Name, new Dictionary<string, object?>(), options);
                Assert.Equal("chatted", Assert.IsType<TextContentBlock>(Assert.Single(got.Messages).Content).Text);
                break;
            default:
                var completed = await client.CompleteAsync(prompt, "chatty", "c", options);
                Assert.Equal(["chatted"], completed.Completion.Values);
                break;
        }
    }

    private static bool ProgressThenResult(IReadOnlyList<JsonElement> messages) =>
        messages.Count == 3
        && messages.Take(2).Select(m => WireRecorder.Method(m) == "notifications/progress" ? m.GetProperty("params").GetProperty("progress").GetDouble() : -1)
            .SequenceEqual([1d, 2d])
        && messages[2].TryGetProperty("result", out _);

    private static string Describe(IReadOnlyList<JsonElement>? messages) =>
        messages is null ? "" : string.Join(" | ", messages.Select(m => m.GetRawText()));
}
