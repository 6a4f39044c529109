using System.Text;

namespace Platform.Tests.Security.Fuzz;

/// <summary>
/// Ordinary requests to every kind of route (MCP, registry, audit, usage, webhook admin, webhook receive) carrying
/// one to three hostile headers: non-ASCII and Latin-1 values, control characters, 8 KiB and 40 KiB values,
/// injection strings, forwarding headers, duplicated and malformed credentials.
/// </summary>
public sealed class HeaderFuzzGenerator(Random random, FuzzWorld world)
{
    private static readonly string[] Names =
    [
        "X-Fuzz", "User-Agent", "Accept-Language", "Authorization", "Cookie", "Referer", "X-Forwarded-For", "X-Forwarded-Host",
        "X-Forwarded-Proto", "Forwarded", "Origin", "MCP-Protocol-Version", "Mcp-Session-Id", "If-None-Match", "Accept", "Traceparent",
        "Tracestate", "Baggage", "X-GitHub-Delivery", "Webhook-Id", "Webhook-Signature", "X-Request-Id", "Range", "Expect",
    ];

    private static readonly string[] Values =
    [
        "é", "日本語", "😀", "caf\u00e9 \u00ff", "\u0001\u0002", "\u007f", "a\u00a0b", "\u202e", "${jndi:ldap://127.0.0.1/a}", "() { :; }; echo x",
        "../../etc/passwd", "127.0.0.1", "for=\"[::1]\";host=evil.example", "Bearer", "Bearer ", "Bearer é", "Basic %%%",
        "00-ffffffffffffffffffffffffffffffff-ffffffffffffffff-01", "00-zz-zz-zz", "bytes=0-1,2-3,4-5", "100-continue",
        new string('h', 8192), new string('H', 40_000), "\"quoted\"", "a,b,c", "",
    ];

    public FuzzInput Next()
    {
        var (method, path, body, token) = random.Next(7) switch
        {
            0 => ("POST", "/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{}}", world.AgentToken),
            1 => ("POST", "/mcp", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"fz__echo\",\"arguments\":{\"text\":\"h\"}}}", world.AgentToken),
            2 => ("GET", "/api/registry/identities", null, world.AdminKey),
            3 => ("GET", "/api/audit/tool-calls?limit=5", null, world.AdminKey),
            4 => ("GET", $"/api/webhooks/spaces/{world.SpaceId}/events?limit=5", null, world.AdminKey),
            5 => ("POST", world.RoutePath, "{\"fuzz\":true}", null),
            _ => ("GET", "/api/usage/model-calls?limit=5", null, world.AgentToken),
        };
        var headers = new List<KeyValuePair<string, string>>();
        if (token is not null)
        {
            headers.Add(FuzzInput.Bearer(token));
        }
        if (path == "/mcp")
        {
            headers.Add(FuzzInput.Header("Accept", "application/json, text/event-stream"));
        }
        for (int i = random.Next(1, 4); i > 0; i--)
        {
            headers.Add(FuzzInput.Header(Names[random.Next(Names.Length)], Values[random.Next(Values.Length)]));
        }
        var target = random.Next(5) == 0 ? Direct(path) : "gateway";
        return new FuzzInput("headers", target, new HttpMethod(method), path, body is null ? null : Encoding.UTF8.GetBytes(body), body is null ? null : "application/json", headers);
    }

    /// <summary>The service behind the gateway for the path, reached directly.</summary>
    private static string Direct(string path) => path switch
    {
        "/mcp" => "mcp-edge",
        _ when path.StartsWith("/api/registry", StringComparison.Ordinal) => "integration-registry",
        _ when path.StartsWith("/api/audit", StringComparison.Ordinal) || path.StartsWith("/api/usage", StringComparison.Ordinal) => "audit-writer",
        _ => "webhook-ingress",
    };
}
