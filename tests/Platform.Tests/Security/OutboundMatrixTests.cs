using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Platform.Tests.Infrastructure;
using Platform.Tests.McpEdge;
using Platform.Tests.Registry;
using Platform.Tests.Vault;

namespace Platform.Tests.Security;

/// <summary>
/// The outbound matrix against the running edge. The shared platform allows exactly the literal <c>127.0.0.1</c>
/// (<see cref="DistributedApplicationFixture.OutboundAllowList"/>). Each install first points at an allowed stand-in,
/// then its stored URL is changed underneath the registry to a forbidden target, as a row saved before the policy
/// existed (or a name that later resolves elsewhere) would be: the edge itself must refuse it, and the stand-ins
/// listening on loopback must receive nothing. The ranges the edge cannot host a stand-in for are covered, with an
/// injected resolver, by the policy's unit tests (tests/Outbound.Tests).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OutboundMatrixTests(DistributedApplicationFixture platform)
{
    private const string Refusal = "cannot be reached from this platform. If it should be, ask the platform operator.";

    /// <summary>One target per forbidden range; {0} is the port of a stand-in on 127.0.0.1, {1} of one on every IPv4 address.</summary>
    public static readonly string[] ForbiddenTargets =
    [
        "http://localhost:{0}/mcp",             // a name resolving to loopback
        "http://127.0.0.2:{1}/mcp",             // loopback, not the allowed literal
        "http://[::ffff:127.0.0.1]:{0}/mcp",    // IPv4-mapped loopback
        "http://0.0.0.0:{1}/mcp",               // unspecified (Linux connects it to this host)
        "http://[::1]:{0}/mcp",                 // IPv6 loopback
        "http://10.0.0.1:{0}/mcp",              // private
        "http://172.16.0.1:{0}/mcp",            // private
        "http://192.168.0.1:{0}/mcp",           // private
        "http://169.254.169.254/latest/meta-data", // link-local (cloud metadata)
        "http://100.64.0.1:{0}/mcp",            // CGNAT
        "http://224.0.0.1:{0}/mcp",             // multicast
        "http://[fd00::1]:{0}/mcp",             // IPv6 unique-local
        "http://[fe80::1]:{0}/mcp",             // IPv6 link-local
        "http://[::ffff:10.0.0.1]:{0}/mcp",     // IPv4-mapped private
        "http://[64:ff9b::a9fe:a9fe]:{0}/mcp",  // NAT64 of 169.254.169.254
    ];

    [Fact]
    public async Task Every_forbidden_range_is_refused_by_the_edge_and_nothing_reaches_the_target()
    {
        var registry = new RegistryPlatform(platform);
        var tenant = await registry.CreateTenantAsync("outbound");
        var subject = await tenant.CreateIdentityAsync("owner");
        var (_, token) = await tenant.IssueTokenAsync(await tenant.CreateAgentAsync("caller", subject));
        await using var loopback = await TestUpstream.StartAsync(UpstreamServers.Alpha);
        await using var allowed = await TestUpstream.StartAsync(UpstreamServers.Alpha);
        await using var everywhere = await TestUpstream.StartAsync(UpstreamServers.Alpha, anyAddress: true);
        var database = new RegistryDatabase(platform.GetConnectionString("registrydb"));
        var ports = new[] { loopback.Endpoint.Port.ToString(), everywhere.Endpoint.Port.ToString() };

        for (var i = 0; i < ForbiddenTargets.Length; i++)
        {
            var install = await EdgeWorld.CreateInstallAsync(tenant, $"range{i}", allowed.Endpoint);
            await database.ScalarAsync<object>(
                "UPDATE registry.definitions d SET base_url = @url FROM registry.installs i WHERE i.id = @install AND d.id = i.definition_id",
                ("url", string.Format(System.Globalization.CultureInfo.InvariantCulture, ForbiddenTargets[i], loopback.Endpoint.Port, everywhere.Endpoint.Port)),
                ("install", install));
        }
        await EdgeWorld.CreateInstallAsync(tenant, "allowed", allowed.Endpoint);

        // Straight to replica 0, so its log is the one to read below.
        await using var client = await EdgeClients.ToReplicaAsync(platform, 0, token);
        var listing = await client.CallToolAsync("platform__list_integrations");
        var text = Assert.IsType<TextContentBlock>(Assert.Single(listing.Content)).Text;
        var integrations = JsonDocument.Parse(text).RootElement.GetProperty("integrations").EnumerateArray()
            .ToDictionary(e => e.GetProperty("namespace").GetString()!);
        var call = await client.CallToolAsync("range0__echo", new Dictionary<string, object?> { ["text"] = "hello" });

        var refused = 0;
        for (var i = 0; i < ForbiddenTargets.Length; i++)
        {
            var entry = integrations[$"range{i}"];
            Assert.Equal("unavailable", entry.GetProperty("status").GetString());
            Assert.EndsWith(Refusal, entry.GetProperty("detail").GetString(), StringComparison.Ordinal);
            refused++;
        }
        Assert.Equal(ForbiddenTargets.Length, refused);
        Assert.True(call.IsError);
        Assert.EndsWith(Refusal, Assert.IsType<TextContentBlock>(Assert.Single(call.Content)).Text, StringComparison.Ordinal);
        // The tenant learns no address, port or socket error.
        foreach (var leak in ports.Concat(["127.0.0", "10.0.0.1", "169.254", "::1", "refused", "Connection", "socket"]))
        {
            Assert.DoesNotContain(leak, text, StringComparison.Ordinal);
        }
        Assert.Equal("available", integrations["allowed"].GetProperty("status").GetString());
        var echo = await client.CallToolAsync("allowed__echo", new Dictionary<string, object?> { ["text"] = "through" });
        Assert.Equal("through", Assert.IsType<TextContentBlock>(Assert.Single(echo.Content)).Text);
        Assert.True(allowed.Requests > 0, "the allow-listed literal 127.0.0.1 must be let through");
        Assert.Equal(0, loopback.Requests);
        Assert.Equal(0, everywhere.Requests);

        // The operator's log says what was refused and what to configure.
        var lines = await ResourceLogs.ReadUntilAsync(platform.App, "mcp-edge-0", "Outbound:AllowedHosts", TimeSpan.FromSeconds(30));
        Assert.Contains(lines, line => line.Contains("refused", StringComparison.Ordinal) && line.Contains("Outbound__AllowedHosts__0=localhost", StringComparison.Ordinal));
    }

    /// <summary>Literal forbidden addresses, and names that can only be local, as a tenant would save them.</summary>
    public static readonly string[] ForbiddenLiterals =
    [
        "http://localhost:8080/mcp", "http://127.0.0.2/mcp", "http://[::1]/mcp", "http://[::ffff:127.0.0.1]/mcp", "http://0.0.0.0/mcp",
        "http://10.0.0.1/mcp", "http://172.16.0.1/mcp", "http://192.168.0.1/mcp", "http://169.254.169.254/latest/meta-data",
        "http://100.64.0.1/mcp", "http://224.0.0.1/mcp", "http://[fd00::1]/mcp", "http://[fe80::1]/mcp", "http://[::ffff:10.0.0.1]/mcp",
        "http://[64:ff9b::a9fe:a9fe]/mcp", "http://intranet/mcp",
    ];

    [Fact]
    public async Task The_registry_refuses_forbidden_literals_when_saved_and_admits_the_allow_listed_one()
    {
        var registry = new RegistryPlatform(platform);
        var tenant = await registry.CreateTenantAsync("outbound-save");
        var subject = await tenant.CreateIdentityAsync("owner");

        var refused = 0;
        foreach (var url in ForbiddenLiterals)
        {
            using var definition = await tenant.Admin.PostAsJsonAsync("/api/registry/definitions", new { name = $"Def {refused}", kind = "mcp", baseUrl = url });
            await Api.AssertProblemAsync(definition, HttpStatusCode.BadRequest, "baseUrl");
            using var agent = await tenant.Admin.PostAsJsonAsync("/api/registry/agents",
                new { slug = $"agent-{refused}", name = "Agent", subjectIdentityId = subject, mcpUrl = url });
            await Api.AssertProblemAsync(agent, HttpStatusCode.BadRequest, "mcpUrl");
            refused++;
        }
        Assert.Equal(ForbiddenLiterals.Length, refused);

        // Exactly the allow-listed literal is saved.
        var saved = await tenant.PostAsync("/api/registry/definitions", new { name = "Local", kind = "mcp", baseUrl = "http://127.0.0.1:9/mcp" }, "allowed definition");
        Assert.Equal("http://127.0.0.1:9/mcp", saved.GetProperty("baseUrl").GetString());
        await tenant.CreateAgentAsync("local-agent", subject, "http://127.0.0.1:9/mcp");
    }

    [Theory]
    [InlineData("Host")]
    [InlineData("Content-Length")]
    [InlineData("Transfer-Encoding")]
    [InlineData("Connection")]
    [InlineData("Cookie")]
    [InlineData("Proxy-Authorization")]
    [InlineData("X-Forwarded-For")]
    [InlineData("Forwarded")]
    public async Task Static_auth_methods_may_not_name_reserved_headers(string header)
    {
        var registry = new RegistryPlatform(platform);
        var tenant = await registry.CreateTenantAsync("headers");
        var definition = await tenant.PostAsync("/api/registry/definitions", new { name = "Tickets", kind = "mcp", baseUrl = "https://tickets.example.com/mcp" }, "definition");

        using var response = await tenant.Admin.PostAsJsonAsync("/api/registry/auth-methods",
            new { definitionId = definition.GetProperty("id").GetGuid(), name = "key", kind = "static", headerName = header });

        await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest, "headerName");
    }
}
