using System.Net;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.McpEdge;

/// <summary>JSON-RPC batches: part of protocol 2025-03-26 (and of requests that declare no version), removed in 2025-06-18.</summary>
[Collection(PlatformCollection.Name)]
public sealed class JsonRpcBatchTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task A_2025_03_26_batch_gets_every_result_with_its_own_id_in_one_json_array()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");
        var batch = $"[{McpHttp.Request("ping", id: "first")},"
            + """{"jsonrpc":"2.0","method":"notifications/initialized"},"""
            + $"{McpHttp.Request("tools/call", new { name = "alpha__echo", arguments = new { text = "batched" } }, id: 2)},"
            + $"{McpHttp.Request("tools/call", new { name = "no_such__tool" }, id: 3)}]";

        var response = await McpHttp.PostAsync(gateway, world.AgentToken, batch, protocolVersion: "2025-03-26");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.MediaType);
        var results = Assert.Single(response.Messages).EnumerateArray().ToDictionary(m => m.GetProperty("id").ToString());
        Assert.Equal(["2", "3", "first"], results.Keys.Order(StringComparer.Ordinal));
        Assert.True(results["first"].TryGetProperty("result", out _), response.ToString());
        Assert.Equal("batched", results["2"].GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal(-32602, results["3"].GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Progress_in_a_batch_streams_every_message_as_an_event_and_ends_with_all_results()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");
        var batch = $"[{McpHttp.Request("tools/call", new { name = "alpha__progress", arguments = new { steps = 2, delayMs = 10 }, _meta = new { progressToken = 77 } }, id: 1)},"
            + $"{McpHttp.Request("ping", id: 2)}]";

        // No MCP-Protocol-Version header: the transport's fallback, 2025-03-26, which has batches.
        var response = await McpHttp.PostAsync(gateway, world.AgentToken, batch, protocolVersion: null);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("text/event-stream", response.MediaType);
        var messages = response.Messages;
        Assert.Equal(2, messages.Count(m => m.TryGetProperty("method", out var method) && method.GetString() == "notifications/progress"));
        Assert.Equal(["1", "2"], messages.Where(m => m.TryGetProperty("id", out _)).Select(m => m.GetProperty("id").ToString()).Order(StringComparer.Ordinal));
        Assert.True(messages[^1].TryGetProperty("id", out _), "the stream ends with a result");
    }

    [Fact]
    public async Task A_batch_of_notifications_only_is_accepted_with_202()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");

        var response = await McpHttp.PostAsync(gateway, world.AgentToken,
            """[{"jsonrpc":"2.0","method":"notifications/initialized"},{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":5}}]""",
            protocolVersion: "2025-03-26");

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        Assert.Equal("", response.Body);
    }

    [Theory]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    public async Task Newer_protocol_versions_get_400_for_a_batch(string version)
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");

        var response = await McpHttp.PostAsync(gateway, world.AgentToken, $"[{McpHttp.Request("ping")}]", protocolVersion: version);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(-32600, response.Error.GetProperty("code").GetInt32());
        Assert.Contains("2025-03-26 only", response.Error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_with_a_bad_message_is_refused_whole_naming_it()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");

        var response = await McpHttp.PostAsync(gateway, world.AgentToken, $"[{McpHttp.Request("ping")},{{\"id\":4}}]", protocolVersion: "2025-03-26");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("Message 1 of the batch", response.Error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_over_the_limit_is_refused_whole_without_running_any_of_it()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");
        // McpEdge:MaxBatchMessages is 20 by default: the gateway's rate limit counts a batch as one request.
        var calls = Enumerable.Range(1, 21).Select(i => McpHttp.Request("tools/call", new { name = "alpha__echo", arguments = new { text = $"too-many-{i}" } }, id: i));

        var response = await McpHttp.PostAsync(gateway, world.AgentToken, $"[{string.Join(',', calls)}]", protocolVersion: "2025-03-26");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("at most 20 messages; this one holds 21", response.Error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
