using System.Net.Http.Json;
using System.Security.Cryptography;
using Platform.Tests.McpEdge;
using Platform.Tests.Registry;
using Platform.Tests.Webhooks;

namespace Platform.Tests.Security;

/// <summary>
/// One tenant of the cross-service isolation matrix: identities X and Y with an agent and token each (and Z, whose
/// agent has no credential), a static install <c>tickets</c> on this tenant's own upstream with a different key for
/// X and for Y, an install <c>notes</c> (auth none, resources and prompts), a Space with a webhook route and one
/// accepted event, and usage reported by X's agent. Both tenants use the same slugs, so only isolation can tell
/// their entries apart.
/// </summary>
public sealed class MatrixTenant : IAsyncDisposable
{
    private MatrixTenant(TestTenant tenant, TestUpstream tickets, TestUpstream notes)
    {
        Tenant = tenant;
        Tickets = tickets;
        Notes = notes;
    }

    public TestTenant Tenant { get; }

    public TestUpstream Tickets { get; }

    public TestUpstream Notes { get; }

    /// <summary>Agent tokens by identity name: x, y, z (z has no tickets credential).</summary>
    public Dictionary<string, string> Tokens { get; } = [];

    public Dictionary<string, Guid> Agents { get; } = [];

    /// <summary>The tickets key of x and of y (distinct per tenant).</summary>
    public Dictionary<string, string> Keys { get; } = [];

    public Guid TicketsInstall { get; private set; }

    public Guid Space { get; private set; }

    public Guid Route { get; private set; }

    public static async Task<MatrixTenant> CreateAsync(RegistryPlatform registry, string prefix)
    {
        var tenant = await registry.CreateTenantAsync(prefix);
        var matrix = new MatrixTenant(tenant, await TestUpstream.StartAsync(UpstreamServers.Beta), await TestUpstream.StartAsync(UpstreamServers.Alpha));
        var identities = new Dictionary<string, Guid>();
        foreach (var name in new[] { "x", "y", "z" })
        {
            identities[name] = await tenant.CreateIdentityAsync($"person-{name}");
            matrix.Agents[name] = await tenant.CreateAgentAsync($"agent-{name}", identities[name]);
            matrix.Tokens[name] = (await tenant.IssueTokenAsync(matrix.Agents[name])).Token;
        }
        matrix.TicketsInstall = await EdgeWorld.CreateInstallAsync(tenant, "tickets", matrix.Tickets.Endpoint, staticHeader: "Authorization");
        foreach (var name in new[] { "x", "y" })
        {
            matrix.Keys[name] = $"{prefix}-{name}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
            await tenant.CreateCredentialAsync(matrix.TicketsInstall, identities[name], matrix.Keys[name]);
        }
        await EdgeWorld.CreateInstallAsync(tenant, "notes", matrix.Notes.Endpoint);
        matrix.Space = await tenant.CreateSpaceAsync("inbox");
        var route = await tenant.PostAsync("/api/webhooks/routes", new { slug = "orders", scheme = "hmac-sha256", secret = "matrix-secret-" + prefix, spaceId = matrix.Space }, "create route");
        matrix.Route = route.GetProperty("route").GetProperty("id").GetGuid();
        using var gateway = registry.Gateway(null);
        using var webhook = WebhookSigner.SharedSecret(route.GetProperty("route").GetProperty("path").GetString()!, "matrix-secret-" + prefix, $"evt-{Guid.NewGuid():N}", "{\"order\":1}");
        using var accepted = await gateway.SendAsync(webhook);
        await Api.ReadAsync(accepted, "send a webhook");
        using var usage = registry.Gateway(matrix.Tokens["x"]);
        using var reported = await usage.PostAsJsonAsync("/api/usage/model-calls",
            new { model = "gpt-matrix", provider = "openai", inputTokens = 10, outputTokens = 2, cachedTokens = 0, cost = 0.001, latencyMs = 5, requestId = $"req-{prefix}" });
        await Api.ReadAsync(reported, "report model usage");
        return matrix;
    }

    public async ValueTask DisposeAsync()
    {
        Tenant.Dispose();
        await Tickets.DisposeAsync();
        await Notes.DisposeAsync();
    }

    public override string ToString() => $"MatrixTenant {{ {Tenant} }}";
}
