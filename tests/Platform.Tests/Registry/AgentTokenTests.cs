using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Registry;

/// <summary>Agent tokens and admin keys: shown once, stored as a hash only, expiring, recording last use, revocable.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AgentTokenTests(DistributedApplicationFixture platform)
{
    private readonly RegistryPlatform _registry = new(platform);
    private readonly RegistryDatabase _database = new(platform.GetConnectionString("registrydb"));

    [Fact]
    public async Task A_token_is_shown_once_and_only_its_hash_is_stored()
    {
        using var tenant = await _registry.CreateTenantAsync("once");
        var agent = await tenant.CreateAgentAsync("worker", await tenant.CreateIdentityAsync("owner"));

        var (tokenId, token) = await tenant.IssueTokenAsync(agent);

        Assert.Matches("^agt_[A-Za-z0-9_-]{43}$", token); // 32 random bytes, base64url
        var listed = await tenant.GetAsync($"/api/registry/agents/{agent}/tokens");
        Assert.Equal([tokenId], Api.Ids(listed));
        Assert.DoesNotContain(token, listed.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("hash", listed.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var stored = await _database.ScalarAsync<byte[]>("SELECT token_hash FROM registry.agent_tokens WHERE id = @id", ("id", tokenId));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(token)), stored);
        Assert.False(await _database.AnyRowContainsAsync("registry", token), "registrydb holds the token in clear");
        Assert.False(await _database.AnyRowContainsAsync("registry", token["agt_".Length..]), "registrydb holds the token's random part");
    }

    [Fact]
    public async Task Admin_keys_are_shown_once_and_only_their_hash_is_stored()
    {
        using var tenant = await _registry.CreateTenantAsync("adm");

        var issued = await tenant.PostAsync("/api/registry/admin-keys", new { name = "ci" }, "issue admin key");
        var key = issued.GetProperty("key").GetString()!;

        Assert.Matches("^adm_[A-Za-z0-9_-]{43}$", key);
        var listed = await tenant.GetAsync("/api/registry/admin-keys");
        Assert.Contains(issued.GetProperty("id").GetGuid(), Api.Ids(listed));
        Assert.DoesNotContain(key, listed.GetRawText(), StringComparison.Ordinal);
        Assert.False(await _database.AnyRowContainsAsync("registry", key), "registrydb holds the admin key in clear");
        Assert.False(await _database.AnyRowContainsAsync("registry", tenant.AdminKey), "registrydb holds the first admin key in clear");
    }

    [Fact]
    public async Task Using_a_token_records_its_last_use()
    {
        using var tenant = await _registry.CreateTenantAsync("lastuse");
        var agent = await tenant.CreateAgentAsync("worker", await tenant.CreateIdentityAsync("owner"));
        var (_, token) = await tenant.IssueTokenAsync(agent);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        Assert.NotNull(await _registry.Client("mcp-edge").AuthenticateAgentAsync(token, CancellationToken.None));

        var listed = await tenant.GetAsync($"/api/registry/agents/{agent}/tokens");
        var lastUsed = Assert.Single(listed.EnumerateArray()).GetProperty("lastUsedAt").GetDateTimeOffset();
        Assert.True(lastUsed >= before, $"lastUsedAt {lastUsed:O} is before the call");
    }

    [Fact]
    public async Task A_token_stops_working_when_it_expires()
    {
        using var tenant = await _registry.CreateTenantAsync("expiry");
        var agent = await tenant.CreateAgentAsync("worker", await tenant.CreateIdentityAsync("owner"));
        var (_, token) = await tenant.IssueTokenAsync(agent, DateTimeOffset.UtcNow.AddSeconds(3));
        var client = _registry.Client("mcp-edge");

        Assert.NotNull(await client.AuthenticateAgentAsync(token, CancellationToken.None));
        await Eventually.UntilAsync(
            async () => await client.AuthenticateAgentAsync(token, CancellationToken.None) is null,
            TimeSpan.FromSeconds(20),
            () => "the token still authenticates after its expiry");
    }

    [Fact]
    public async Task An_expiry_in_the_past_is_refused()
    {
        using var tenant = await _registry.CreateTenantAsync("past");
        var agent = await tenant.CreateAgentAsync("worker", await tenant.CreateIdentityAsync("owner"));

        using var response = await tenant.Admin.PostAsJsonAsync($"/api/registry/agents/{agent}/tokens", new { expiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) });

        await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest, "expiresAt");
    }

    [Fact]
    public async Task A_revoked_token_stops_working_and_other_tokens_keep_working()
    {
        using var tenant = await _registry.CreateTenantAsync("revoke");
        var agent = await tenant.CreateAgentAsync("worker", await tenant.CreateIdentityAsync("owner"));
        var (revokedId, revokedToken) = await tenant.IssueTokenAsync(agent);
        var (_, keptToken) = await tenant.IssueTokenAsync(agent);
        var client = _registry.Client("mcp-edge");

        var revoked = await tenant.PostAsync($"/api/registry/agents/{agent}/tokens/{revokedId}/revoke", new { }, "revoke token");

        Assert.True(revoked.TryGetProperty("revokedAt", out var at) && at.ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Null(await client.AuthenticateAgentAsync(revokedToken, CancellationToken.None));
        Assert.NotNull(await client.AuthenticateAgentAsync(keptToken, CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_an_agent_ends_all_its_tokens()
    {
        using var tenant = await _registry.CreateTenantAsync("delagent");
        var agent = await tenant.CreateAgentAsync("worker", await tenant.CreateIdentityAsync("owner"));
        var (_, token) = await tenant.IssueTokenAsync(agent);

        using var deleted = await tenant.Admin.DeleteAsync($"/api/registry/agents/{agent}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(await _registry.Client("mcp-edge").AuthenticateAgentAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task A_revoked_admin_key_is_refused_at_once_even_though_it_was_just_used()
    {
        using var tenant = await _registry.CreateTenantAsync("admrev");
        var issued = await tenant.PostAsync("/api/registry/admin-keys", new { name = "short-lived" }, "issue admin key");
        using var second = _registry.Gateway(issued.GetProperty("key").GetString());
        using var warm = await second.GetAsync("/api/registry/identities"); // now in the registry's principal cache
        Assert.Equal(HttpStatusCode.OK, warm.StatusCode);

        await tenant.PostAsync($"/api/registry/admin-keys/{issued.GetProperty("id").GetGuid()}/revoke", new { }, "revoke admin key");

        using var refused = await second.GetAsync("/api/registry/identities");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Null(await _registry.Client("mcp-edge").AuthenticateAdminKeyAsync(issued.GetProperty("key").GetString()!, CancellationToken.None));
        using var first = await tenant.Admin.GetAsync("/api/registry/identities");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }
}
