using System.Text;

namespace Platform.Tests.Security.Fuzz;

/// <summary>
/// Admin REST inputs through the gateway (registry, webhook routes, audit and usage queries): well-formed creates,
/// one field made hostile, a field missing or of the wrong type, whole bodies malformed, odd content types, hostile
/// ids in paths and hostile <c>limit</c>s in query strings.
/// </summary>
public sealed class AdminFuzzGenerator(Random random, FuzzWorld world)
{
    private static readonly string[] Limits = ["1e99", "1.5", "-1", "0", "abc", "", "10&limit=20", "99999999999999999999", "%00", "%ZZ", "1%00", "0x10", "\u00e9"];

    private static readonly string?[] ContentTypes = ["application/json", "application/json", "application/json", "text/plain", "application/xml", "application/json; charset=latin1", null];

    private static readonly string[] HostileIds = ["00000000-0000-0000-0000-000000000000", "not-a-guid", "%00", "..%2f..%2f", new string('9', 2000)];

    private readonly AdminEndpoint[] _endpoints = Endpoints(world);
    private int _counter;

    public FuzzInput Next()
    {
        var endpoint = _endpoints[random.Next(_endpoints.Length)];
        var n = Interlocked.Increment(ref _counter);
        var path = endpoint.Path.Replace("{limit}", random.Next(3) == 0 ? "25" : Limits[random.Next(Limits.Length)], StringComparison.Ordinal);
        if (random.Next(12) == 0 && path.Contains(world.SpaceId.ToString(), StringComparison.Ordinal))
        {
            path = path.Replace(world.SpaceId.ToString(), HostileIds[random.Next(HostileIds.Length)], StringComparison.Ordinal);
        }
        var headers = new List<KeyValuePair<string, string>> { FuzzInput.Bearer(random.Next(15) == 0 ? "pk_" + n : world.AdminKey) };
        if (endpoint.Fields is null)
        {
            return new FuzzInput("admin", "gateway", new HttpMethod(endpoint.Method), path, null, null, headers);
        }
        var fields = endpoint.Fields(n).ToList();
        var wellFormed = random.Next(5) == 0;
        byte[] body;
        if (wellFormed)
        {
            body = Json(fields);
        }
        else
        {
            body = random.Next(6) switch
            {
                0 => HostileJson.MalformedBodies[random.Next(HostileJson.MalformedBodies.Length)],
                1 => Encoding.UTF8.GetBytes(HostileJson.Pick(random)),
                2 => Json(fields.Where((_, i) => i != random.Next(fields.Count)).Append(new("unknownField", HostileJson.Pick(random)))),
                _ => Json(fields.Select((f, i) => i == random.Next(fields.Count) ? new KeyValuePair<string, string>(f.Key, HostileJson.Pick(random)) : f)),
            };
        }
        var contentType = wellFormed ? "application/json" : ContentTypes[random.Next(ContentTypes.Length)];
        return new FuzzInput("admin", "gateway", new HttpMethod(endpoint.Method), path, body, contentType, headers)
        {
            ReadBack = wellFormed ? endpoint.ReadBack : null,
        };
    }

    private static byte[] Json(IEnumerable<KeyValuePair<string, string>> fields) =>
        Encoding.UTF8.GetBytes("{" + string.Join(',', fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}");

    private static string Text(string value) => $"\"{value}\"";

    private static AdminEndpoint[] Endpoints(FuzzWorld w) =>
    [
        new("POST", "/api/registry/definitions", n => [new("name", Text($"Fuzz {n}")), new("kind", Text("mcp")), new("baseUrl", Text($"https://fuzz{n}.example.com/mcp"))],
            AdminEndpoint.ById("/api/registry/definitions")),
        new("PUT", $"/api/registry/definitions/{w.DefinitionId}", n => [new("name", Text($"Fuzz definition {n}")), new("kind", Text("mcp")), new("baseUrl", Text("https://fuzz.example.com/mcp"))]),
        new("POST", "/api/registry/auth-methods", n => [new("definitionId", Text(w.DefinitionId.ToString())), new("name", Text($"key {n}")), new("kind", Text("static")), new("headerName", Text("X-Fuzz-Key"))],
            AdminEndpoint.ById("/api/registry/auth-methods")),
        new("POST", "/api/registry/installs", n => [new("slug", Text($"fz{n}")), new("authMethodId", Text(w.AuthMethodId.ToString())), new("allowedTools", "[]"), new("deniedTools", "[]"), new("callTimeoutSeconds", "30")],
            AdminEndpoint.ById("/api/registry/installs")),
        new("POST", "/api/registry/identities", n => [new("name", Text($"person {n}")), new("email", Text($"p{n}@example.com"))], AdminEndpoint.ById("/api/registry/identities")),
        new("PUT", $"/api/registry/identities/{w.IdentityId}", n => [new("name", Text($"owner {n}")), new("email", Text("owner@example.com"))]),
        new("POST", "/api/registry/agents", n => [new("slug", Text($"ag{n}")), new("name", Text($"Agent {n}")), new("subjectIdentityId", Text(w.IdentityId.ToString()))],
            AdminEndpoint.ById("/api/registry/agents")),
        new("POST", $"/api/registry/agents/{w.AgentId}/tokens", n => [new("name", Text($"token {n}"))]),
        new("POST", "/api/registry/spaces", n => [new("slug", Text($"sp{n}")), new("name", Text($"Space {n}"))], AdminEndpoint.ById("/api/registry/spaces")),
        new("POST", "/api/registry/admin-keys", n => [new("name", Text($"key {n}"))]),
        new("POST", "/api/registry/credentials", n => [new("installId", Text(w.KeyedInstallId.ToString())), new("subjectIdentityId", Text(w.IdentityId.ToString())), new("secrets", $"{{\"api-key\":{{\"value\":\"fuzz-value-{n}\"}}}}")]),
        new("POST", "/api/webhooks/routes", n => [new("slug", Text($"rt{n}")), new("scheme", Text("hmac-sha256")), new("spaceId", Text(w.SpaceId.ToString()))], AdminEndpoint.ByRouteId),
        new("PATCH", $"/api/webhooks/routes/{w.RouteId}", _ => [new("enabled", "true"), new("maxPayloadBytes", "65536")]),
        new("POST", $"/api/webhooks/routes/{w.RouteId}/secret", _ => [new("secret", Text("fuzz-rotated-secret-0123456789"))]),
        new("GET", "/api/audit/tool-calls?limit={limit}", null),
        new("GET", "/api/audit/tool-calls/summary?limit={limit}", null),
        new("GET", "/api/usage/model-calls?limit={limit}", null),
        new("GET", $"/api/webhooks/spaces/{w.SpaceId}/events?limit={{limit}}", null),
        new("GET", "/api/webhooks/routes?limit={limit}", null),
    ];
}
