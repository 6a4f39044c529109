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
/// An upstream's log messages during a call, a resource read, a prompt or a completion reach the caller on that
/// request's stream, before the result, at or above the level the request asks for
/// (<c>_meta["io.modelcontextprotocol/logLevel"]</c>, info when it names none), with the caller's credential hidden;
/// so does its progress when the request carries a progress token.
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

    [Fact]
    public async Task Log_messages_and_progress_during_resources_read_prompts_get_and_completion_are_relayed_before_the_answer()
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
        const string resource = $"chatty+{FidelityUpstream.ChattyUri}";
        var prompt = new PromptReference { Name = "chatty__chatty" };
        RequestOptions WarningsWithProgress(string progressToken) =>
            new() { Meta = new JsonObject { [LogLevelKey] = "warning" }, ProgressToken = new ProgressToken(progressToken) };
        var noArguments = new Dictionary<string, object?>();

        var read = await client.ReadResourceAsync(resource, WarningsWithProgress("read-progress"));
        await client.ReadResourceAsync(resource);
        var got = await client.GetPromptAsync(prompt.Name, noArguments, WarningsWithProgress("prompt-progress"));
        await client.GetPromptAsync(prompt.Name, noArguments);
        var completed = await client.CompleteAsync(prompt, "chatty", "c", WarningsWithProgress("complete-progress"));
        await client.CompleteAsync(prompt, "chatty", "c");

        Assert.Equal("chatted", Assert.IsType<TextResourceContents>(Assert.Single(read.Contents)).Text);
        Assert.Equal("chatted", Assert.IsType<TextContentBlock>(Assert.Single(got.Messages).Content).Text);
        Assert.Equal(["chatted"], completed.Completion.Values);
        foreach (var (resultProperty, progressToken) in new[] { ("contents", "read-progress"), ("messages", "prompt-progress"), ("completion", "complete-progress") })
        {
            var answers = recorder.Answers(resultProperty);
            Assert.Equal(2, answers.Count);
            Assert.Equal(
                [$"progress 1 {progressToken}", "warning sign", "error: rejected key [REDACTED:", $"progress 2 {progressToken}", "result"],
                answers[0].Select(WireText));
            Assert.Equal(["info note", "warning sign", "error: rejected key [REDACTED:", "result"], answers[1].Select(WireText));
        }
        Assert.All(recorder.Responses.SelectMany(messages => messages), message => Assert.DoesNotContain(key, message.GetRawText(), StringComparison.Ordinal));
        Assert.Contains($"Bearer {key}", server.Authorizations);
        var loud = new RequestOptions { Meta = new JsonObject { [LogLevelKey] = "loud" } };
        Assert.All(
            [
                await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync(resource, loud).AsTask()),
                await Assert.ThrowsAsync<McpProtocolException>(() => client.GetPromptAsync(prompt.Name, noArguments, loud).AsTask()),
                await Assert.ThrowsAsync<McpProtocolException>(() => client.CompleteAsync(prompt, "chatty", "c", loud).AsTask()),
            ],
            refused => Assert.Equal(McpErrorCode.InvalidParams, refused.ErrorCode));
    }

    private const string LogLevelKey = "io.modelcontextprotocol/logLevel";

    /// <summary>
    /// A message on the wire in a word: "progress {n} {token}", a log message's text (cut at the redaction marker), or "result".
    /// </summary>
    private static string WireText(JsonElement message) => WireRecorder.Method(message) switch
    {
        "" => "result",
        NotificationMethods.ProgressNotification =>
            $"progress {message.GetProperty("params").GetProperty("progress").GetDouble()} {message.GetProperty("params").GetProperty("progressToken").GetString()}",
        NotificationMethods.LoggingMessageNotification => CutAtRedaction(message.GetProperty("params").GetProperty("data").GetString()!),
        var other => other,
    };

    private static string CutAtRedaction(string text) =>
        text.Contains("[REDACTED:", StringComparison.Ordinal) ? text[..(text.IndexOf("[REDACTED:", StringComparison.Ordinal) + 10)] : text;

    /// <summary>The text of each log message before the result; the error's is cut at the redaction marker.</summary>
    private static List<string> LogTexts(IReadOnlyList<JsonElement> messages) =>
        [.. messages.Where(m => WireRecorder.Method(m) == NotificationMethods.LoggingMessageNotification)
            .Select(m => CutAtRedaction(m.GetProperty("params").GetProperty("data").GetString()!))];
}
