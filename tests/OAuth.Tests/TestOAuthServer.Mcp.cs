using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.OAuth.Tests;

/// <summary>The protected MCP endpoint: bearer tokens checked for expiry, audience and scope (401/403 challenges), then a minimal MCP answer.</summary>
public sealed partial class TestOAuthServer
{
    private async Task McpAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        if (token is not null && _options.StaticBearer is { } key && token == key)
        {
            await AnswerMcpAsync(context);
            return;
        }
        if (token is null || !_accessTokens.TryGetValue(token, out var granted) || granted.Resource != ResourceUri.Canonical(McpUrl)
            || granted.ExpiresAt <= DateTimeOffset.UtcNow)
        {
            if (token is not null)
            {
                Interlocked.Increment(ref _refusedTokens);
            }
            var parameters = new List<string>();
            if (_options.ResourceMetadataInHeader || _options.ResourceMetadata == ResourceMetadataPlacement.HeaderOnly)
            {
                parameters.Add($"resource_metadata=\"{new Uri(BaseUrl, ResourceMetadataPath).AbsoluteUri}\"");
            }
            if (_options.ChallengeScope is { } scope)
            {
                parameters.Add($"scope=\"{scope}\"");
            }
            if (token is not null)
            {
                parameters.Add("error=\"invalid_token\"");
            }
            context.Response.Headers.WWWAuthenticate = parameters.Count == 0 ? "Bearer" : "Bearer " + string.Join(", ", parameters);
            context.Response.StatusCode = 401;
            return;
        }
        var held = granted.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var needed = _options.EndlessStepUp ? $"extra{Interlocked.Increment(ref _stepUps)}" : _options.RequiredScope;
        if (needed is not null && !held.Contains(needed))
        {
            context.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{needed}\"";
            context.Response.StatusCode = 403;
            return;
        }
        await AnswerMcpAsync(context);
    }

    /// <summary>Just enough of MCP's Streamable HTTP (JSON answers, no session) for a client to list and call a tool.</summary>
    private static async Task AnswerMcpAsync(HttpContext context)
    {
        var message = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body);
        var method = message?["method"]?.GetValue<string>();
        if (message?["id"] is not { } id)
        {
            context.Response.StatusCode = 202;
            return;
        }
        if (method is not ("initialize" or "tools/list" or "tools/call"))
        {
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["jsonrpc"] = "2.0",
                ["id"] = id.DeepClone(),
                ["error"] = new JsonObject { ["code"] = -32601, ["message"] = "Method not found" },
            });
            return;
        }
        JsonObject result = method switch
        {
            "initialize" => new JsonObject
            {
                ["protocolVersion"] = message["params"]?["protocolVersion"]?.DeepClone() ?? "2025-06-18",
                ["capabilities"] = new JsonObject { ["tools"] = new JsonObject() },
                ["serverInfo"] = new JsonObject { ["name"] = "test-oauth-server", ["version"] = "1.0" },
            },
            "tools/list" => new JsonObject
            {
                ["tools"] = new JsonArray(new JsonObject { ["name"] = "echo", ["inputSchema"] = new JsonObject { ["type"] = "object" } }),
            },
            "tools/call" => new JsonObject
            {
                ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "echo: " + message["params"]?["arguments"]?["message"]?.ToString() }),
            },
            _ => [],
        };
        await context.Response.WriteAsJsonAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
    }
}
