using System.Net;
using System.Text.Json;
using Platform.IntegrationRegistry.Client;

namespace Platform.IntegrationRegistry.Tests;

public sealed class RegistryBearerHandlerTests : IAsyncLifetime
{
    private const string AgentToken = "agt_valid-token-value-for-tests-0000000000000";
    private const string AdminKey = "adm_valid-key-value-for-tests-00000000000000000";

    private static readonly AgentPrincipal Agent = new(Guid.NewGuid(), "acme", Guid.NewGuid(), "helper", Guid.NewGuid());
    private static readonly AdminPrincipal Admin = new(Guid.NewGuid(), "acme", Guid.NewGuid());

    private HandlerHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await HandlerHost.StartAsync();
        _host.Registry.Agents[AgentToken] = Agent;
        _host.Registry.AdminKeys[AdminKey] = Admin;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_agent_token_becomes_the_contract_claims()
    {
        using var response = await _host.GetAsync("/agent", AgentToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var claims = JsonSerializer.Deserialize<Dictionary<string, string>>(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(Agent.TenantId.ToString(), claims["tenant_id"]);
        Assert.Equal(Agent.AgentId.ToString(), claims["agent_id"]);
        Assert.Equal(Agent.SubjectIdentityId.ToString(), claims["subject_id"]);
        Assert.Equal("acme", claims["tenant_slug"]);
    }

    [Fact]
    public async Task An_admin_key_becomes_the_contract_claims()
    {
        using var response = await _host.GetAsync("/admin", AdminKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var claims = JsonSerializer.Deserialize<Dictionary<string, string>>(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(Admin.TenantId.ToString(), claims["tenant_id"]);
        Assert.Equal(Admin.KeyId.ToString(), claims["admin_key_id"]);
    }

    [Fact]
    public async Task Answers_are_cached_for_30_seconds_then_asked_again()
    {
        (await _host.GetAsync("/agent", AgentToken)).Dispose();
        (await _host.GetAsync("/agent", AgentToken)).Dispose();
        Assert.Equal(1, _host.Registry.Calls);

        _host.Clock.Advance(TimeSpan.FromSeconds(31));
        using var response = await _host.GetAsync("/agent", AgentToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _host.Registry.Calls);
    }

    [Fact]
    public async Task An_unknown_token_is_401_with_a_bearer_challenge_and_remembered_briefly()
    {
        using var first = await _host.GetAsync("/agent", "agt_unknown");
        using var second = await _host.GetAsync("/agent", "agt_unknown");

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        var challenge = Assert.Single(first.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Contains($"resource_metadata=\"{HandlerHost.ResourceMetadata}\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Equal(1, _host.Registry.Calls);

        _host.Clock.Advance(TimeSpan.FromSeconds(6));
        (await _host.GetAsync("/agent", "agt_unknown")).Dispose();
        Assert.Equal(2, _host.Registry.Calls);
    }

    [Fact]
    public async Task A_missing_header_or_another_prefix_is_401_without_asking_the_registry()
    {
        using var none = await _host.GetAsync("/agent", null);
        using var adminKeyAtAgentEndpoint = await _host.GetAsync("/agent", AdminKey);
        using var agentTokenAtAdminEndpoint = await _host.GetAsync("/admin", AgentToken);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer", Assert.Single(none.Headers.WwwAuthenticate).ToString().Split(' ')[0].TrimEnd(','));
        Assert.Equal(HttpStatusCode.Unauthorized, adminKeyAtAgentEndpoint.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, agentTokenAtAdminEndpoint.StatusCode);
        Assert.Equal(0, _host.Registry.Calls);
    }

    [Fact]
    public async Task Invalidation_drops_the_cached_agent_at_once()
    {
        (await _host.GetAsync("/agent", AgentToken)).Dispose();
        _host.Registry.Agents.Remove(AgentToken); // revoked in the registry

        using (var stillCached = await _host.GetAsync("/agent", AgentToken))
        {
            Assert.Equal(HttpStatusCode.OK, stillCached.StatusCode);
        }
        _host.Cache.InvalidateAgent(Agent.AgentId);
        using var refused = await _host.GetAsync("/agent", AgentToken);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Invalidation_drops_the_cached_admin_key_and_tenant_wide_entries()
    {
        (await _host.GetAsync("/admin", AdminKey)).Dispose();
        (await _host.GetAsync("/agent", AgentToken)).Dispose();

        _host.Cache.InvalidateAdminKey(Admin.KeyId);
        (await _host.GetAsync("/admin", AdminKey)).Dispose();
        Assert.Equal(3, _host.Registry.Calls);

        _host.Cache.InvalidateTenant(Agent.TenantId);
        (await _host.GetAsync("/agent", AgentToken)).Dispose();
        (await _host.GetAsync("/admin", AdminKey)).Dispose();
        Assert.Equal(4, _host.Registry.Calls);
    }

    [Fact]
    public async Task An_answer_in_flight_during_an_invalidation_is_not_cached()
    {
        _host.Registry.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFlight = _host.GetAsync("/agent", AgentToken);
        await _host.Registry.Waiting.Task;

        _host.Cache.InvalidateAgent(Agent.AgentId);
        _host.Registry.Agents.Remove(AgentToken);
        _host.Registry.Gate.SetResult();
        (await inFlight).Dispose();
        _host.Registry.Gate = null;

        using var after = await _host.GetAsync("/agent", AgentToken);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task An_unreachable_registry_is_503_and_no_log_line_holds_the_token()
    {
        _host.Registry.Unreachable = true;

        using var response = await _host.GetAsync("/agent", AgentToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.NotEmpty(_host.Logs.Lines);
        Assert.False(_host.Logs.Lines.Any(l => l.Contains(AgentToken["agt_".Length..], StringComparison.Ordinal)), "a log line holds the token");

        _host.Registry.Unreachable = false;
        using var recovered = await _host.GetAsync("/agent", AgentToken);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }
}
