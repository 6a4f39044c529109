using System.Net.Http.Json;
using System.Security.Cryptography;
using Npgsql;
using Platform.Tests.Infrastructure;
using Platform.Tests.McpEdge;
using Platform.Tests.Registry;
using Platform.Tests.Vault;
using Platform.Tests.Webhooks;

namespace Platform.Tests.Security;

/// <summary>
/// A secret with a unique marker, used as an upstream credential, as a webhook signing secret, as a secret-named tool argument and in rejected admin requests. Afterwards
/// the marker is in no API answer, no row of any of the five databases (the vault holds it only encrypted), no line
/// of either edge replica's log and no line of the AppHost's output; only the upstream received it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CanaryFlowTests(DistributedApplicationFixture platform)
{
    private static readonly string[] Databases = ["registrydb", "auditdb", "webhookdb", "brokerdb", "vaultdb"];

    [Fact]
    public async Task The_marker_reaches_the_upstream_and_nothing_else()
    {
        var canary = "cnry" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var answers = new List<string>();
        var registry = new RegistryPlatform(platform);
        using var tenant = await registry.CreateTenantAsync("canary");
        var person = await tenant.CreateIdentityAsync("canary-owner");
        var agent = await tenant.CreateAgentAsync("canary-agent", person);
        var token = (await tenant.IssueTokenAsync(agent)).Token;
        await using var keyed = await TestUpstream.StartAsync(UpstreamServers.Beta, $"key-{canary}");
        await using var open = await TestUpstream.StartAsync(UpstreamServers.Alpha);
        var keyedInstall = await EdgeWorld.CreateInstallAsync(tenant, "keyed", keyed.Endpoint, staticHeader: "Authorization");
        await tenant.CreateCredentialAsync(keyedInstall, person, $"key-{canary}");
        await EdgeWorld.CreateInstallAsync(tenant, "open", open.Endpoint);

        using var gateway = platform.CreateHttpClient("gateway");
        foreach (var call in new object[]
        {
            new { name = "keyed__echo", arguments = new { text = "hello" } },
            new { name = "open__lookup", arguments = new { query = "q", api_key = canary } },
            new { name = "open__echo", arguments = new { text = "hello", password = canary } },
        })
        {
            var answer = await McpHttp.PostAsync(gateway, token, McpHttp.Request("tools/call", call));
            Assert.Contains("\"result\"", answer.Body, StringComparison.Ordinal);
            answers.Add(answer.Body);
        }
        Assert.Contains($"Bearer key-{canary}", keyed.Authorizations);

        var space = await tenant.CreateSpaceAsync("canary-inbox");
        using (var created = await tenant.Admin.PostAsJsonAsync("/api/webhooks/routes", new { slug = "canary", scheme = "hmac-sha256", secret = $"whsec-{canary}", spaceId = space }))
        {
            var body = await created.Content.ReadAsStringAsync();
            answers.Add(body);
            var path = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("route").GetProperty("path").GetString()!;
            using var webhook = WebhookSigner.SharedSecret(path, $"whsec-{canary}", $"evt-{canary[..8]}", "{\"order\":1}");
            using var accepted = await gateway.SendAsync(webhook);
            answers.Add(await accepted.Content.ReadAsStringAsync());
            Assert.True(accepted.IsSuccessStatusCode, $"the webhook was not accepted: {(int)accepted.StatusCode}");
        }
        answers.Add(await (await tenant.Admin.GetAsync($"/api/webhooks/spaces/{space}/events?limit=10")).Content.ReadAsStringAsync());

        // Rejected requests carrying the marker: their problem details must not quote it back.
        foreach (var (path, body) in new (string, object)[]
        {
            ("/api/registry/credentials", new { installId = Guid.NewGuid(), subjectIdentityId = person, secrets = new Dictionary<string, object> { ["api-key"] = new { value = canary } } }),
            ("/api/webhooks/routes", new { slug = "bad route", scheme = "no-such-scheme", secret = canary, spaceId = space }),
        })
        {
            using var rejected = await tenant.Admin.PostAsJsonAsync(path, body);
            Assert.InRange((int)rejected.StatusCode, 400, 499);
            answers.Add(await rejected.Content.ReadAsStringAsync());
        }
        using (var audit = await tenant.Admin.GetAsync("/api/audit/tool-calls?limit=50"))
        {
            answers.Add(await audit.Content.ReadAsStringAsync());
        }

        Absent(canary, answers, "API answers");
        foreach (var database in Databases)
        {
            Absent(canary, await AllRowsAsync(platform.GetConnectionString(database)), database);
        }
        await Eventually.UntilAsync(async () => await AuditedAsync(tenant.Id) >= 3, TimeSpan.FromSeconds(60), () => "the three tool calls did not reach the audit");
        Absent(canary, await AllRowsAsync(platform.GetConnectionString("auditdb")), "auditdb after the calls were audited");
        for (var replica = 0; replica < 2; replica++)
        {
            // A call of an unknown tool is logged in one line that names the tool: once it is there, every earlier line is.
            var end = $"end{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}__nothing";
            using var edge = platform.CreateHttpClient("mcp-edge", replica);
            await McpHttp.PostAsync(edge, token, McpHttp.Request("tools/call", new { name = end, arguments = new { } }));
            Absent(canary, await ResourceLogs.ReadUntilAsync(platform.App, $"mcp-edge-{replica}", end, TimeSpan.FromSeconds(30)), $"mcp-edge-{replica}'s log");
        }
        Absent(canary, [platform.App.Output.Text], "the AppHost's output");
    }

    private static void Absent(string canary, IEnumerable<string> texts, string where)
    {
        var leaks = texts.Where(t => t.Contains(canary, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0,
            $"the canary is in {leaks.Count} item(s) of {where}: {SecretRedactor.Redact(leaks.FirstOrDefault() ?? "", [canary])[..Math.Min(600, leaks.FirstOrDefault()?.Length ?? 0)]}");
    }

    private async Task<long> AuditedAsync(Guid tenantId)
    {
        await using var connection = new NpgsqlConnection(platform.GetConnectionString("auditdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM audit.tool_calls WHERE tenant_id = @tenant", connection);
        command.Parameters.AddWithValue("tenant", tenantId.ToString());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every row of every table outside the system schemas, as text.</summary>
    private static async Task<List<string>> AllRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var rows = new List<string>();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"SELECT t::text FROM {table} t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add($"{table}: {reader.GetString(0)}");
            }
        }
        return rows;
    }
}
