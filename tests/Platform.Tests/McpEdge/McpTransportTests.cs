using System.Net;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.McpEdge;

/// <summary>The Streamable HTTP rules of <c>/mcp</c>, through the gateway: every bad request gets a clear 4xx, never a 5xx.</summary>
[Collection(PlatformCollection.Name)]
public sealed class McpTransportTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task A_quick_request_is_answered_as_one_json_body_without_a_session()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");

        var response = await McpHttp.PostAsync(gateway, world.AgentToken, McpHttp.Request("ping"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.MediaType);
        Assert.Equal(response.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers["Content-Length"]);
        Assert.False(response.Headers.ContainsKey("Mcp-Session-Id"), "a stateless server must not issue a session id");
        var message = Assert.Single(response.Messages);
        Assert.Equal(1, message.GetProperty("id").GetInt32());
        Assert.True(message.TryGetProperty("result", out _), response.ToString());
    }

    [Fact]
    public async Task Progress_turns_the_answer_into_an_event_stream_with_each_notification_before_the_result()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");

        var response = await McpHttp.PostAsync(gateway, world.AgentToken, McpHttp.Request("tools/call",
            new { name = "alpha__progress", arguments = new { steps = 3, delayMs = 10 }, _meta = new { progressToken = "p-1" } }));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("text/event-stream", response.MediaType);
        var messages = response.Messages;
        Assert.Equal(4, messages.Count);
        Assert.All(messages.Take(3), progress =>
        {
            Assert.Equal("notifications/progress", progress.GetProperty("method").GetString());
            Assert.Equal("p-1", progress.GetProperty("params").GetProperty("progressToken").GetString());
        });
        Assert.Equal(1, messages[3].GetProperty("id").GetInt32());
        Assert.True(messages[3].TryGetProperty("result", out _), response.ToString());
    }

    [Fact]
    public async Task A_result_slower_than_StreamAfter_is_answered_as_an_event_stream()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");

        // The edge streams a result not ready after McpEdge:StreamAfter (1 s by default); alpha's 2 s call timeout
        // answers this 5 s call after 2 s.
        var response = await McpHttp.PostAsync(gateway, world.AgentToken, McpHttp.Request("tools/call",
            new { name = "alpha__slow", arguments = new { seconds = 5 } }));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("text/event-stream", response.MediaType);
        var result = Assert.Single(response.Messages).GetProperty("result");
        Assert.True(result.GetProperty("isError").GetBoolean(), response.ToString());
        Assert.Contains("did not answer within 2 s", result.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notifications_and_responses_from_the_client_are_accepted_with_202()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");

        var notification = await McpHttp.PostAsync(gateway, world.AgentToken, """{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        var clientResponse = await McpHttp.PostAsync(gateway, world.AgentToken, """{"jsonrpc":"2.0","id":"s-1","result":{}}""");

        Assert.Equal(HttpStatusCode.Accepted, notification.Status);
        Assert.Equal("", notification.Body);
        Assert.Equal(HttpStatusCode.Accepted, clientResponse.Status);
    }

    [Fact]
    public async Task Missing_or_unknown_tokens_get_401_with_a_bearer_challenge()
    {
        using var gateway = platform.CreateHttpClient("gateway");

        var missing = await McpHttp.PostAsync(gateway, token: null, McpHttp.Request("ping"));
        var unknown = await McpHttp.PostAsync(gateway, "agt_" + new string('x', 43), McpHttp.Request("ping"));

        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.StartsWith("Bearer", missing.Headers["WWW-Authenticate"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Contains("invalid_token", unknown.Headers["WWW-Authenticate"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_negotiation_and_media_type_are_enforced()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");

        var jsonOnly = await McpHttp.PostAsync(gateway, world.AgentToken, McpHttp.Request("ping"), accept: "application/json");
        var streamOnly = await McpHttp.PostAsync(gateway, world.AgentToken, McpHttp.Request("ping"), accept: "text/event-stream");
        var wildcard = await McpHttp.PostAsync(gateway, world.AgentToken, McpHttp.Request("ping"), accept: "*/*");
        var textBody = await McpHttp.PostAsync(gateway, world.AgentToken, McpHttp.Request("ping"), contentType: "text/plain");

        Assert.Equal(HttpStatusCode.NotAcceptable, jsonOnly.Status);
        Assert.Contains("text/event-stream", jsonOnly.Error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotAcceptable, streamOnly.Status);
        Assert.Equal(HttpStatusCode.OK, wildcard.Status);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, textBody.Status);
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,", -32700)]
    [InlineData("not json at all", -32700)]
    [InlineData("{\"hello\":\"world\"}", -32600)]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"ping\"}", -32600)]
    [InlineData("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", -32600)]
    [InlineData("42", -32600)]
    [InlineData("null", -32600)]
    public async Task Malformed_json_rpc_gets_a_json_rpc_error_with_400(string body, int code)
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");

        var response = await McpHttp.PostAsync(gateway, world.AgentToken, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/json", response.MediaType);
        Assert.Equal(code, response.Error.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task An_unsupported_protocol_version_header_gets_400_naming_the_supported_ones()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");

        var response = await McpHttp.PostAsync(gateway, world.AgentToken, McpHttp.Request("ping", id: "v"), protocolVersion: "1999-01-01");
        var absent = await McpHttp.PostAsync(gateway, world.AgentToken, McpHttp.Request("ping"), protocolVersion: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var message = Assert.Single(response.Messages);
        Assert.Equal("v", message.GetProperty("id").GetString());
        var supported = message.GetProperty("error").GetProperty("data").GetProperty("supported").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Equal(["2025-11-25", "2025-06-18", "2025-03-26"], supported);
        Assert.Equal(HttpStatusCode.OK, absent.Status);
    }

    [Theory]
    [InlineData("2025-03-26", "2025-03-26")]
    [InlineData("2025-06-18", "2025-06-18")]
    [InlineData("2025-11-25", "2025-11-25")]
    [InlineData("2024-11-05", "2025-11-25")]
    [InlineData("2031-01-01", "2025-11-25")]
    public async Task Initialize_answers_the_requested_revision_or_the_newest_supported_one(string requested, string answered)
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");
        var body = McpHttp.Request("initialize", new
        {
            protocolVersion = requested,
            capabilities = new { },
            clientInfo = new { name = "raw", version = "1" },
        });

        var response = await McpHttp.PostAsync(gateway, world.AgentToken, body, protocolVersion: null);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var result = Assert.Single(response.Messages).GetProperty("result");
        Assert.Equal(answered, result.GetProperty("protocolVersion").GetString());
        var capabilities = result.GetProperty("capabilities");
        Assert.True(capabilities.TryGetProperty("tools", out _));
        Assert.True(capabilities.TryGetProperty("resources", out var resources));
        Assert.False(resources.TryGetProperty("subscribe", out var subscribe) && subscribe.ValueKind == System.Text.Json.JsonValueKind.True,
            "the edge cannot deliver resource updates, so it must not offer subscriptions");
        Assert.True(capabilities.TryGetProperty("prompts", out _));
        Assert.True(capabilities.TryGetProperty("completions", out _));
        Assert.True(capabilities.TryGetProperty("logging", out _), "the edge relays upstream log messages, so it announces logging");
        Assert.False(capabilities.GetProperty("tools").TryGetProperty("listChanged", out var listChanged) && listChanged.GetBoolean());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task Get_and_delete_are_not_allowed(string method)
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");
        using var request = new HttpRequestMessage(new HttpMethod(method), "/mcp");
        request.Headers.Authorization = new("Bearer", world.AgentToken);
        request.Headers.Add("Accept", "text/event-stream");

        using var response = await gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_foreign_origin_is_refused_with_403()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");

        var response = await McpHttp.PostAsync(gateway, world.AgentToken, McpHttp.Request("ping"), origin: "http://attacker.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Contains("Origin", response.Error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_foreign_origin_is_refused_before_any_token_is_asked_for()
    {
        using var gateway = platform.CreateHttpClient("gateway");

        // The origin check is a middleware ahead of CORS and authentication: no 401 challenge for a rebinding page.
        var response = await McpHttp.PostAsync(gateway, token: null, McpHttp.Request("ping"), origin: "http://attacker.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.False(response.Headers.ContainsKey("WWW-Authenticate"));
        Assert.False(response.Headers.ContainsKey("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_gateways_own_loopback_origin_and_other_loopback_names_on_any_port_are_accepted()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");
        var port = gateway.BaseAddress!.Port;

        foreach (var origin in new[] { $"http://127.0.0.1:{port}", $"http://localhost:{port}", "http://[::1]:5173", "http://localhost:3000" })
        {
            var response = await McpHttp.PostAsync(gateway, world.AgentToken, McpHttp.Request("ping"), origin: origin);
            Assert.True(response.Status == HttpStatusCode.OK, $"{origin}: {(int)response.Status}");
            Assert.Equal(origin, response.Headers["Access-Control-Allow-Origin"]);
        }
    }

    [Fact]
    public async Task A_rebound_name_is_refused_even_when_it_is_its_own_origin()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"ping"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        // What a page on attacker.example sends once its name resolves to the loopback address.
        request.Headers.Host = "attacker.example";
        request.Headers.Add("Origin", "http://attacker.example");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", world.AgentToken);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_lone_surrogate_in_the_id_is_a_json_rpc_error_without_a_stack_trace()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");

        var response = await McpHttp.PostAsync(gateway, world.AgentToken, """{"jsonrpc":"2.0","id":"\ud800","method":"ping"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(-32600, response.Error.GetProperty("code").GetInt32());
        Assert.DoesNotContain(" at ", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_gets_413_not_a_server_error()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");
        var huge = McpHttp.Request("tools/call", new { name = "alpha__echo", arguments = new { text = new string('a', 2 * 1024 * 1024) } });

        var response = await McpHttp.PostAsync(gateway, world.AgentToken, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Contains("bytes", response.Error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_methods_get_method_not_found()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");

        var response = await McpHttp.PostAsync(gateway, world.AgentToken, McpHttp.Request("tools/teleport"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(-32601, Assert.Single(response.Messages).GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Logging_level_is_accepted()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");

        var response = await McpHttp.PostAsync(gateway, world.AgentToken, McpHttp.Request("logging/setLevel", new { level = "warning" }));

        Assert.True(Assert.Single(response.Messages).TryGetProperty("result", out _), response.ToString());
    }
}
