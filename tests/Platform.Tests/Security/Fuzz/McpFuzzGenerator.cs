using System.Text;

namespace Platform.Tests.Security.Fuzz;

/// <summary>
/// JSON-RPC bodies for <c>/mcp</c>, through the gateway and to an edge replica directly: every method the edge
/// knows and some it does not, hostile ids, names, URIs and arguments (well-formed calls of real tools among them, so
/// the audit has calls to account for), malformed and non-UTF-8 bodies, and odd Accept, Content-Type, protocol
/// version and Authorization headers.
/// </summary>
public sealed class McpFuzzGenerator(Random random, string agentToken, string[] toolNames, string[] resourceUris, string[] promptNames)
{
    private static readonly string[] Methods =
    [
        "tools/call", "tools/call", "tools/call", "tools/list", "resources/read", "resources/list", "resources/templates/list",
        "prompts/get", "prompts/list", "completion/complete", "initialize", "ping", "logging/setLevel", "resources/subscribe",
        "notifications/initialized", "notifications/cancelled", "x/unknown",
    ];

    private static readonly string?[] Accepts =
        ["application/json, text/event-stream", "application/json, text/event-stream", "application/json", "text/event-stream", "*/*", "text/html", null];

    private static readonly string?[] ContentTypes =
        ["application/json", "application/json", "application/json", "application/json; charset=utf-8", "text/plain", "application/json; charset=utf-16", "multipart/form-data; boundary=x", null];

    private static readonly string?[] Versions = ["2025-11-25", "2025-11-25", "2025-06-18", "2025-03-26", "1999-01-01", "latest", "2025-11-25\u00e9", null];

    public FuzzInput Next()
    {
        var target = random.Next(4) == 0 ? "mcp-edge" : "gateway";
        var wellFormed = random.Next(4) == 0;
        var body = wellFormed ? Encoding.UTF8.GetBytes(WellFormedCall()) : random.Next(10) switch
        {
            0 => HostileJson.MalformedBodies[random.Next(HostileJson.MalformedBodies.Length)],
            1 => Mutate(Encoding.UTF8.GetBytes(Message())),
            2 => Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Range(0, random.Next(0, 4)).Select(_ => Message())) + "]"),
            _ => Encoding.UTF8.GetBytes(Message()),
        };
        var headers = new List<KeyValuePair<string, string>>();
        var accept = !wellFormed && random.Next(4) == 0 ? Pick(Accepts) : Accepts[0];
        if (accept is not null)
        {
            headers.Add(FuzzInput.Header("Accept", accept));
        }
        var version = wellFormed ? Versions[0] : Pick(Versions);
        if (version is not null)
        {
            headers.Add(FuzzInput.Header("MCP-Protocol-Version", version));
        }
        headers.Add(random.Next(30) switch
        {
            0 => FuzzInput.Bearer("pt_" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())),
            1 => FuzzInput.Header("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("a:b"))),
            2 => FuzzInput.Bearer(new string('z', 9000)),
            3 => FuzzInput.Header("X-No-Auth", "1"),
            _ => FuzzInput.Bearer(agentToken),
        });
        if (random.Next(20) == 0)
        {
            headers.Add(FuzzInput.Header("Origin", random.Next(2) == 0 ? "https://evil.example" : "null"));
        }
        return new FuzzInput("mcp", target, HttpMethod.Post, "/mcp", body, wellFormed ? ContentTypes[0] : Pick(ContentTypes), headers);
    }

    /// <summary>A call of a real tool with ordinary or hostile argument values: these reach the upstream and the audit.</summary>
    private string WellFormedCall() =>
        $"{{\"jsonrpc\":\"2.0\",\"id\":{random.Next(1, 1_000_000)},\"method\":\"tools/call\",\"params\":{{\"name\":\"{toolNames[random.Next(3)]}\",\"arguments\":{{\"text\":{Value()},\"city\":{Value()},\"query\":\"q\",\"api_key\":{Value()}}}}}}}";

    private string Message()
    {
        var method = random.Next(15) == 0 ? HostileJson.Pick(random) : $"\"{Methods[random.Next(Methods.Length)]}\"";
        var parts = new List<string> { random.Next(20) == 0 ? $"\"jsonrpc\":{HostileJson.Pick(random)}" : "\"jsonrpc\":\"2.0\"" };
        if (random.Next(8) != 0)
        {
            parts.Add($"\"id\":{(random.Next(3) == 0 ? HostileJson.Pick(random) : random.Next(1, 1_000_000).ToString())}");
        }
        parts.Add($"\"method\":{method}");
        if (random.Next(10) != 0)
        {
            parts.Add($"\"params\":{Params(method.Trim('"'))}");
        }
        return "{" + string.Join(',', parts) + "}";
    }

    private string Params(string method) => random.Next(8) == 0 ? HostileJson.Pick(random) : method switch
    {
        "tools/call" => $"{{\"name\":{Name(toolNames)},\"arguments\":{Arguments()}{Meta()}}}",
        "resources/read" => $"{{\"uri\":{Name(resourceUris)}}}",
        "prompts/get" => $"{{\"name\":{Name(promptNames)},\"arguments\":{Arguments()}}}",
        "completion/complete" => $"{{\"ref\":{{\"type\":\"ref/prompt\",\"name\":{Name(promptNames)}}},\"argument\":{{\"name\":\"name\",\"value\":{Value()}}}}}",
        "logging/setLevel" => $"{{\"level\":{(random.Next(2) == 0 ? "\"debug\"" : HostileJson.Pick(random))}}}",
        "tools/list" or "resources/list" or "prompts/list" => $"{{\"cursor\":{Value()}}}",
        "initialize" => $"{{\"protocolVersion\":{Value()},\"capabilities\":{Value()},\"clientInfo\":{{\"name\":{Value()},\"version\":\"1\"}}}}",
        _ => $"{{\"x\":{Value()}}}",
    };

    private string Name(string[] known) => random.Next(3) == 0 ? HostileJson.Pick(random) : $"\"{known[random.Next(known.Length)]}\"";

    private string Arguments() => random.Next(4) switch
    {
        0 => HostileJson.Pick(random),
        1 => "{\"text\":\"fuzz\"}",
        _ => $"{{\"text\":{Value()},\"n\":{Value()},\"nested\":{{\"deep\":{Value()}}}}}",
    };

    private string Meta() => random.Next(6) == 0 ? $",\"_meta\":{{\"progressToken\":{HostileJson.Pick(random)}}}" : "";

    private string Value() => random.Next(3) == 0 ? "\"ok\"" : HostileJson.Pick(random);

    private byte[] Mutate(byte[] body)
    {
        if (body.Length == 0)
        {
            return body;
        }
        var copy = body.ToList();
        switch (random.Next(4))
        {
            case 0:
                return [.. copy.Take(random.Next(copy.Count))];
            case 1:
                copy[random.Next(copy.Count)] = (byte)random.Next(256);
                return [.. copy];
            case 2:
                copy.InsertRange(random.Next(copy.Count), new byte[] { 0xFF, 0xFE, 0xC3 });
                return [.. copy];
            default:
                copy.InsertRange(0, new byte[] { 0xEF, 0xBB, 0xBF });
                return [.. copy];
        }
    }

    private T Pick<T>(T[] values) => values[random.Next(values.Length)];
}
