using System.Net;
using System.Net.Http.Json;
using Platform.IntegrationRegistry.Client;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Registry;

/// <summary>
/// Two tenants × two identities × installs and credentials: every admin endpoint and every internal endpoint,
/// asked about the other tenant's (or the other subject's) entries, answers as if they did not exist.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class IsolationMatrixTests(DistributedApplicationFixture platform) : IAsyncLifetime
{
    private readonly RegistryPlatform _registry = new(platform);
    private IsolationWorld _a = null!;
    private IsolationWorld _b = null!;

    public async Task InitializeAsync()
    {
        _a = await IsolationWorld.CreateAsync(_registry, "iso-a");
        _b = await IsolationWorld.CreateAsync(_registry, "iso-b");
    }

    public Task DisposeAsync()
    {
        _a.Tenant.Dispose();
        _b.Tenant.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Lists_show_only_the_callers_tenant()
    {
        foreach (var (self, other) in new[] { (_a, _b), (_b, _a) })
        {
            var foreign = other.AllIds.ToHashSet();
            foreach (var path in new[]
            {
                "/api/registry/identities", "/api/registry/agents", "/api/registry/admin-keys", "/api/registry/definitions",
                "/api/registry/auth-methods", "/api/registry/installs", "/api/registry/credentials", "/api/registry/spaces",
                $"/api/registry/credentials?installId={other.Install.InstallId}", $"/api/registry/credentials?subjectIdentityId={other.Identities[0]}",
            })
            {
                var ids = Api.Ids(await self.Tenant.GetAsync(path));
                Assert.False(ids.Any(foreign.Contains), $"{path} of {self.Tenant} lists entries of {other.Tenant}");
            }
            Assert.Equal(self.Credentials, Api.Ids(await self.Tenant.GetAsync("/api/registry/credentials")));
        }
    }

    [Fact]
    public async Task Every_admin_endpoint_answers_404_for_the_other_tenants_entries()
    {
        var admin = _a.Tenant.Admin;
        var b = _b;
        var requests = new List<(HttpMethod Method, string Path, object? Body)>
        {
            (HttpMethod.Get, $"/api/registry/identities/{b.Identities[0]}", null),
            (HttpMethod.Put, $"/api/registry/identities/{b.Identities[0]}", new { name = "stolen" }),
            (HttpMethod.Delete, $"/api/registry/identities/{b.Identities[0]}", null),
            (HttpMethod.Get, $"/api/registry/agents/{b.Agents[0]}", null),
            (HttpMethod.Put, $"/api/registry/agents/{b.Agents[0]}", new { slug = "stolen", name = "x", subjectIdentityId = _a.Identities[0] }),
            (HttpMethod.Delete, $"/api/registry/agents/{b.Agents[0]}", null),
            (HttpMethod.Get, $"/api/registry/agents/{b.Agents[0]}/tokens", null),
            (HttpMethod.Post, $"/api/registry/agents/{b.Agents[0]}/tokens", new { name = "stolen" }),
            (HttpMethod.Post, $"/api/registry/agents/{b.Agents[0]}/tokens/{b.TokenIds[0]}/revoke", new { }),
            (HttpMethod.Post, $"/api/registry/agents/{_a.Agents[0]}/tokens/{b.TokenIds[0]}/revoke", new { }),
            (HttpMethod.Post, $"/api/registry/admin-keys/{b.SpareAdminKey}/revoke", new { }),
            (HttpMethod.Get, $"/api/registry/definitions/{b.Install.DefinitionId}", null),
            (HttpMethod.Put, $"/api/registry/definitions/{b.Install.DefinitionId}", new { name = "x", kind = "mcp", baseUrl = "https://evil.example.com" }),
            (HttpMethod.Delete, $"/api/registry/definitions/{b.Install.DefinitionId}", null),
            (HttpMethod.Get, $"/api/registry/auth-methods/{b.Install.AuthMethodId}", null),
            (HttpMethod.Put, $"/api/registry/auth-methods/{b.Install.AuthMethodId}", new { name = "x", kind = "none" }),
            (HttpMethod.Delete, $"/api/registry/auth-methods/{b.Install.AuthMethodId}", null),
            (HttpMethod.Get, $"/api/registry/installs/{b.Install.InstallId}", null),
            (HttpMethod.Put, $"/api/registry/installs/{b.Install.InstallId}", new { slug = "stolen", authMethodId = _a.Install.AuthMethodId }),
            (HttpMethod.Delete, $"/api/registry/installs/{b.Install.InstallId}", null),
            (HttpMethod.Get, $"/api/registry/credentials/{b.Credentials[0]}", null),
            (HttpMethod.Post, $"/api/registry/credentials/{b.Credentials[0]}/revoke", new { }),
            (HttpMethod.Get, $"/api/registry/spaces/{b.Space}", null),
            (HttpMethod.Put, $"/api/registry/spaces/{b.Space}", new { slug = "stolen", name = "x" }),
            (HttpMethod.Delete, $"/api/registry/spaces/{b.Space}", null),
        };

        foreach (var (method, path, body) in requests)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await admin.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} as the other tenant answered {(int)response.StatusCode}");
        }

        await AssertUntouchedAsync(_b);
    }

    [Fact]
    public async Task Creating_entries_that_point_into_the_other_tenant_is_refused()
    {
        var admin = _a.Tenant.Admin;
        var b = _b;
        var attempts = new (string Path, object Body, string Field)[]
        {
            ("/api/registry/agents", new { slug = "x", name = "x", subjectIdentityId = b.Identities[0] }, "subjectIdentityId"),
            ("/api/registry/auth-methods", new { definitionId = b.Install.DefinitionId, name = "x", kind = "none" }, "definitionId"),
            ("/api/registry/installs", new { slug = "x", authMethodId = b.Install.AuthMethodId }, "authMethodId"),
            ("/api/registry/credentials", Credential(b.Install.InstallId, _a.Identities[0]), "installId"),
            ("/api/registry/credentials", Credential(_a.Install.InstallId, b.Identities[0]), "subjectIdentityId"),
        };

        foreach (var (path, body, field) in attempts)
        {
            using var response = await admin.PostAsJsonAsync(path, body);
            await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        }
        await AssertUntouchedAsync(_b);
    }

    [Fact]
    public async Task The_internal_api_confines_installs_and_credentials_to_tenant_and_subject()
    {
        var edge = _registry.Client("mcp-edge");
        var ct = CancellationToken.None;

        foreach (var (self, other) in new[] { (_a, _b), (_b, _a) })
        {
            var installs = await edge.GetInstallsForSubjectAsync(self.Tenant.Id, self.Identities[0], ct);
            var install = Assert.Single(installs);
            Assert.Equal(self.Install.InstallId, install.InstallId);
            Assert.True(install.Connected);
            Assert.Empty(await edge.GetInstallsForSubjectAsync(self.Tenant.Id, other.Identities[0], ct));

            for (var subject = 0; subject < 2; subject++)
            {
                var resolution = await edge.ResolveCredentialAsync(self.Tenant.Id, self.Install.InstallId, self.Identities[subject], ct);
                Assert.NotNull(resolution);
                Assert.Equal(self.Credentials[subject], resolution.CredentialId);
                Assert.Equal(self.Identities[subject], resolution.SubjectIdentityId);
            }
            Assert.Null(await edge.ResolveCredentialAsync(self.Tenant.Id, other.Install.InstallId, other.Identities[0], ct));
            Assert.Null(await edge.ResolveCredentialAsync(self.Tenant.Id, self.Install.InstallId, other.Identities[0], ct));
            Assert.Null(await edge.ResolveCredentialAsync(self.Tenant.Id, other.Install.InstallId, self.Identities[0], ct));

            Assert.Null(await edge.GetSpaceAsync(self.Tenant.Id, other.Space, ct));
            Assert.Equal(self.Space, (await edge.GetSpaceAsync(self.Tenant.Id, self.Space, ct))?.SpaceId);

            var endpoints = await edge.GetAgentEndpointsAsync(self.Tenant.Id, ct);
            Assert.Equal(self.Agents.Order(), endpoints.Select(e => e.AgentId).Order());

            var failure = await Assert.ThrowsAsync<HttpRequestException>(() => edge.MarkCredentialNeedsReauthAsync(self.Tenant.Id, other.Credentials[0], ct));
            Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);

            for (var i = 0; i < 2; i++)
            {
                var principal = await edge.AuthenticateAgentAsync(self.Tokens[i], ct);
                Assert.Equal((self.Tenant.Id, self.Agents[i], self.Identities[i]), (principal!.TenantId, principal.AgentId, principal.SubjectIdentityId));
            }
        }
        await AssertUntouchedAsync(_a);
        await AssertUntouchedAsync(_b);
    }

    /// <summary>The other tenant's entries all still exist and its credentials are still active.</summary>
    private static async Task AssertUntouchedAsync(IsolationWorld world)
    {
        foreach (var path in new[]
        {
            $"/api/registry/identities/{world.Identities[0]}", $"/api/registry/agents/{world.Agents[0]}",
            $"/api/registry/definitions/{world.Install.DefinitionId}", $"/api/registry/auth-methods/{world.Install.AuthMethodId}",
            $"/api/registry/installs/{world.Install.InstallId}", $"/api/registry/spaces/{world.Space}",
        })
        {
            await world.Tenant.GetAsync(path);
        }
        Assert.Equal("first", (await world.Tenant.GetAsync($"/api/registry/identities/{world.Identities[0]}")).GetProperty("name").GetString());
        Assert.Equal("shared-tool", (await world.Tenant.GetAsync($"/api/registry/installs/{world.Install.InstallId}")).GetProperty("slug").GetString());
        foreach (var credential in world.Credentials)
        {
            Assert.Equal("active", (await world.Tenant.GetAsync($"/api/registry/credentials/{credential}")).GetProperty("status").GetString());
        }
        var tokens = await world.Tenant.GetAsync($"/api/registry/agents/{world.Agents[0]}/tokens");
        Assert.All(tokens.EnumerateArray(), t => Assert.Equal(System.Text.Json.JsonValueKind.Null, t.GetProperty("revokedAt").ValueKind));
        var keys = await world.Tenant.GetAsync("/api/registry/admin-keys");
        Assert.All(keys.EnumerateArray(), k => Assert.Equal(System.Text.Json.JsonValueKind.Null, k.GetProperty("revokedAt").ValueKind));
    }

    private static object Credential(Guid installId, Guid subjectId) =>
        new { installId, subjectIdentityId = subjectId, secrets = new Dictionary<string, object> { ["api-key"] = new { value = "x" } } };
}
