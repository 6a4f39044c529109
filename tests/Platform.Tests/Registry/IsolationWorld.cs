namespace Platform.Tests.Registry;

/// <summary>
/// One tenant of the isolation matrix: two identities, an agent (with an MCP endpoint) and a token for each, one
/// install with a credential for each identity, a space and a spare admin key.
/// </summary>
public sealed record IsolationWorld(
    TestTenant Tenant,
    Guid[] Identities,
    Guid[] Agents,
    Guid[] TokenIds,
    string[] Tokens,
    StaticInstall Install,
    Guid[] Credentials,
    Guid Space,
    Guid SpareAdminKey)
{
    public static async Task<IsolationWorld> CreateAsync(RegistryPlatform registry, string prefix)
    {
        var tenant = await registry.CreateTenantAsync(prefix);
        var identities = new[] { await tenant.CreateIdentityAsync("first"), await tenant.CreateIdentityAsync("second") };
        var agents = new[]
        {
            await tenant.CreateAgentAsync("agent-1", identities[0], $"https://{prefix}.example.com/agent-1/mcp"),
            await tenant.CreateAgentAsync("agent-2", identities[1], $"https://{prefix}.example.com/agent-2/mcp"),
        };
        var tokens = new[] { await tenant.IssueTokenAsync(agents[0]), await tenant.IssueTokenAsync(agents[1]) };
        var install = await tenant.CreateStaticInstallAsync("shared-tool");
        var credentials = new[]
        {
            (await tenant.CreateCredentialAsync(install.InstallId, identities[0], $"{prefix}-first-key")).GetProperty("id").GetGuid(),
            (await tenant.CreateCredentialAsync(install.InstallId, identities[1], $"{prefix}-second-key")).GetProperty("id").GetGuid(),
        };
        var space = await tenant.CreateSpaceAsync("inbox");
        var spare = (await tenant.PostAsync("/api/registry/admin-keys", new { name = "spare" }, "spare admin key")).GetProperty("id").GetGuid();
        return new IsolationWorld(tenant, identities, agents, [.. tokens.Select(t => t.Id)], [.. tokens.Select(t => t.Token)], install, credentials, space, spare);
    }

    /// <summary>Every id of this tenant's entries, to prove none shows up in another tenant's answers.</summary>
    public IEnumerable<Guid> AllIds =>
    [
        Tenant.Id, .. Identities, .. Agents, .. TokenIds, Install.DefinitionId, Install.AuthMethodId, Install.InstallId, .. Credentials, Space, SpareAdminKey,
    ];

    public override string ToString() => $"IsolationWorld {{ {Tenant} }}";
}
