#pragma warning disable MCP9005 // MCP logging: deprecated from 2026-07-28 (SEP-2577), but what the revisions the edge speaks (up to 2025-11-25) have.
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Platform.Tests.Infrastructure;
using Platform.Tests.Registry;

namespace Platform.Tests.McpEdge;

/// <summary>
/// An upstream's log messages during a call reach the caller on that call's stream, before the result, at or above
/// the level the request asks for (<c>_meta["io.modelcontextprotocol/logLevel"]</c>, info when it names none), with
/// the caller's credential hidden.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class UpstreamLogTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task Log_messages_at_or_above_the_requested_level_are_relayed_before_the_result_with_credentials_hidden()
    {
        var key = "log-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var tenant = await new RegistryPlatform(platform).CreateTenantAsync("logs");
        var subject = await tenant.CreateIdentityAsync("owner");
        var (_, token) = await tenant.IssueTokenAsync(await tenant.CreateAgentAsync("caller", subject));
        var upstream = new FidelityUpstream();
        await using var server = await TestUpstream.StartPerRequestAsync(upstream.Create, requiredBearer: key);
        var install = await EdgeWorld.CreateInstallAsync(tenant, "chatty", server.Endpoint, staticHeader: "Authorization");
        await tenant.CreateCredentialAsync(install, subject, key);
        var recorder = new WireRecorder();
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, token, recorder);
        var heard = new ConcurrentQueue<LoggingMessageNotificationParams>();
        await using var handler = client.RegisterNotificationHandler(NotificationMethods.LoggingMessageNotification, (notification, _) =>
        {
            heard.Enqueue(JsonSerializer.Deserialize<LoggingMessageNotificationParams>(notification.Params, McpJsonUtilities.DefaultOptions)!);
            return default;
        });

        await client.CallToolAsync("chatty__chatty", options: new RequestOptions { Meta = new JsonObject { ["io.modelcontextprotocol/logLevel"] = "warning" } });
        await client.CallToolAsync("chatty__chatty");

        var calls = recorder.ToolCalls;
        Assert.Equal(2, calls.Count);
        Assert.Equal(["warning sign", "error: rejected key [REDACTED:"], LogTexts(calls[0]));
        Assert.Equal(["info note", "warning sign", "error: rejected key [REDACTED:"], LogTexts(calls[1]));
        Assert.All(calls, messages => Assert.True(messages[^1].TryGetProperty("result", out _), "the result comes last"));
        Assert.All(calls.SelectMany(messages => messages), message => Assert.DoesNotContain(key, message.GetRawText(), StringComparison.Ordinal));
        Assert.Contains($"Bearer {key}", server.Authorizations);
        // The SDK's client hands them to its handlers too (in its own time: it dispatches each message on its own task).
        await Eventually.UntilAsync(() => heard.Count == 5, TimeSpan.FromSeconds(10), () => $"the client's log handler heard {heard.Count} of 5");
        Assert.All(heard, message => Assert.Equal(FidelityUpstream.Logger, message.Logger));
        var loud = await Assert.ThrowsAsync<McpProtocolException>(() =>
            client.CallToolAsync("chatty__chatty", options: new RequestOptions { Meta = new JsonObject { ["io.modelcontextprotocol/logLevel"] = "loud" } }).AsTask());
        Assert.Equal(McpErrorCode.InvalidParams, loud.ErrorCode);
    }

    /// <summary>The text of each log message before the result; the error's is cut at the redaction marker.</summary>
    private static List<string> LogTexts(IReadOnlyList<JsonElement> messages) =>
        [.. messages.Where(m => WireRecorder.Method(m) == NotificationMethods.LoggingMessageNotification)
            .Select(m => m.GetProperty("params").GetProperty("data").GetString()!)
            .Select(text => text.Contains("[REDACTED:", StringComparison.Ordinal) ? text[..(text.IndexOf("[REDACTED:", StringComparison.Ordinal) + 10)] : text)];
}
