using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Platform.Tests.Audit;
using Platform.Tests.Infrastructure;
using Platform.Tests.McpEdge;
using Platform.Tests.Registry;

namespace Platform.Tests.Security;

/// <summary>
/// Every forwarded request under policy and on the record: resources/read, resources/templates/list, prompts/get and
/// completion/complete follow the install's resource and prompt lists (a refused one looks unknown), and each leaves
/// an audit row whose <c>kind</c> tells it apart, filterable in the audit API. Before this, none was checked against
/// any list and none left a trace.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ForwardedRequestPolicyTests(DistributedApplicationFixture platform)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Resources_templates_prompts_and_completions_follow_the_install_lists_and_are_audited_by_kind()
    {
        var registry = new RegistryPlatform(platform);
        using var tenant = await registry.CreateTenantAsync("fwd");
        var subject = await tenant.CreateIdentityAsync("owner");
        var agent = await tenant.CreateAgentAsync("reader", subject);
        var (_, token) = await tenant.IssueTokenAsync(agent);
        await using var upstream = await TestUpstream.StartAsync(UpstreamServers.Alpha);
        // closed: only one resource URI, the greet prompt denied. open: a denied URI prefix, greet allowed by name.
        await CreateInstallAsync(tenant, "closed", upstream.Endpoint, new { allowedResources = new[] { "memo://notes/1" }, deniedPrompts = new[] { "greet" } });
        await CreateInstallAsync(tenant, "open", upstream.Endpoint, new { deniedResources = new[] { "memo://notes/4*" }, allowedPrompts = new[] { "greet" } });
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, token);

        var resources = (await client.ListResourcesAsync()).Select(r => r.Uri).ToList();
        var templates = (await client.ListResourceTemplatesAsync()).Select(t => t.UriTemplate).ToList();
        var prompts = (await client.ListPromptsAsync()).Select(p => p.Name).ToList();

        Assert.Contains("closed+memo://notes/1", resources);
        Assert.Contains("open+memo://notes/1", resources);
        Assert.DoesNotContain("closed+memo://notes/{id}", templates);
        Assert.Contains("open+memo://notes/{id}", templates);
        Assert.DoesNotContain("closed__greet", prompts);
        Assert.Contains("open__greet", prompts);

        Assert.Equal("first note", Text(await client.ReadResourceAsync("closed+memo://notes/1")));
        Assert.Equal("note 7", Text(await client.ReadResourceAsync("open+memo://notes/7")));
        var notAllowed = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("closed+memo://notes/7").AsTask());
        var deniedPrefix = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("open+memo://notes/42").AsTask());
        var unknown = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("nowhere+memo://notes/7").AsTask());
        // Refused reads look exactly like unknown ones: an agent learns nothing about what the lists hide.
        Assert.Equal(unknown.ErrorCode, notAllowed.ErrorCode);
        Assert.Equal(unknown.ErrorCode, deniedPrefix.ErrorCode);
        await Assert.ThrowsAsync<McpProtocolException>(() => client.GetPromptAsync("closed__greet", new Dictionary<string, object?> { ["name"] = "Ada" }).AsTask());
        await Assert.ThrowsAsync<McpProtocolException>(() => client.CompleteAsync(new PromptReference { Name = "closed__greet" }, "name", "A").AsTask());
        await Assert.ThrowsAsync<McpProtocolException>(() => client.CompleteAsync(new ResourceTemplateReference { Uri = "closed+memo://notes/{id}" }, "id", "4").AsTask());
        var prompt = await client.GetPromptAsync("open__greet", new Dictionary<string, object?> { ["name"] = "Grace" });
        var completion = await client.CompleteAsync(new PromptReference { Name = "open__greet" }, "name", "A");
        Assert.Contains("Say hello to Grace.", JsonSerializer.Serialize(prompt.Messages, McpJsonUtilities.DefaultOptions), StringComparison.Ordinal);
        Assert.Equal(["Ada", "Alan"], completion.Completion.Values);

        // On the record: each forwarded request once, with its kind and outcome; refusals say why.
        var database = new AuditDatabase(platform.GetConnectionString("auditdb"));
        const long Expected = 11;
        await Eventually.UntilAsync(
            async () => await database.ToolCallCountAsync(tenant.Id.ToString()) >= Expected,
            Timeout,
            () => $"{Expected} audit rows for the forwarded requests");
        var rows = await database.StringsAsync(
            "SELECT kind || ' ' || tool_name || ' ' || outcome || ' ' || coalesce(error_class, '-') FROM audit.tool_calls WHERE tenant_id = $1 ORDER BY kind, tool_name, outcome",
            tenant.Id.ToString());
        Assert.Equal(
            [
                "completion closed+memo://notes/{id} rejected not-allowed",
                "completion closed__greet rejected not-allowed",
                "completion open__greet success -",
                "prompt closed__greet rejected not-allowed",
                "prompt open__greet success -",
                "resource closed+memo://notes/1 success -",
                "resource closed+memo://notes/7 rejected not-allowed",
                "resource nowhere+memo://notes/7 rejected unknown-resource",
                "resource open+memo://notes/42 rejected not-allowed",
                "resource open+memo://notes/7 success -",
                "resource-templates resources/templates/list success -",
            ],
            rows.Where(r => !r.StartsWith("tool ", StringComparison.Ordinal)));
        Assert.Equal(
            ["Grace"],
            await database.StringsAsync("SELECT arguments->>'name' FROM audit.tool_calls WHERE tenant_id = $1 AND kind = 'prompt' AND outcome = 'success'", tenant.Id.ToString()));

        var filtered = (await tenant.GetAsync("/api/audit/tool-calls?kind=resource&limit=500")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, filtered.Count);
        Assert.All(filtered, item => Assert.Equal("resource", item.GetProperty("kind").GetString()));
        using var badKind = await tenant.Admin.GetAsync("/api/audit/tool-calls?kind=everything");
        await Api.AssertProblemAsync(badKind, HttpStatusCode.BadRequest, "kind");
    }

    [Fact]
    public async Task Resource_and_prompt_lists_are_validated_and_returned()
    {
        var registry = new RegistryPlatform(platform);
        using var tenant = await registry.CreateTenantAsync("fwdlists");
        var method = await NewAuthMethodAsync(tenant, "lists", new Uri("http://127.0.0.1:9/mcp"));

        using var spaces = await tenant.Admin.PostAsJsonAsync("/api/registry/installs", new { slug = "bad1", authMethodId = method, allowedResources = new[] { "memo://a b" } });
        await Api.AssertProblemAsync(spaces, HttpStatusCode.BadRequest, "allowedResources[0]");
        using var star = await tenant.Admin.PostAsJsonAsync("/api/registry/installs", new { slug = "bad2", authMethodId = method, deniedResources = new[] { "memo://x", "memo://*/y" } });
        await Api.AssertProblemAsync(star, HttpStatusCode.BadRequest, "deniedResources[1]");
        using var prompt = await tenant.Admin.PostAsJsonAsync("/api/registry/installs", new { slug = "bad3", authMethodId = method, deniedPrompts = new[] { "" } });
        await Api.AssertProblemAsync(prompt, HttpStatusCode.BadRequest, "deniedPrompts[0]");

        var created = await tenant.PostAsync("/api/registry/installs",
            new { slug = "good", authMethodId = method, allowedResources = new[] { "memo://notes/*" }, deniedResources = new[] { "memo://notes/secret" }, allowedPrompts = new[] { "greet" }, deniedPrompts = new[] { "shout" } },
            "create install");
        var read = await tenant.GetAsync($"/api/registry/installs/{created.GetProperty("id").GetGuid()}");
        Assert.Equal(["memo://notes/*"], Strings(read, "allowedResources"));
        Assert.Equal(["memo://notes/secret"], Strings(read, "deniedResources"));
        Assert.Equal(["greet"], Strings(read, "allowedPrompts"));
        Assert.Equal(["shout"], Strings(read, "deniedPrompts"));
    }

    private static string[] Strings(JsonElement item, string property) =>
        [.. item.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];

    private static string Text(ReadResourceResult result) => Assert.IsType<TextResourceContents>(Assert.Single(result.Contents)).Text;

    private static async Task<Guid> NewAuthMethodAsync(TestTenant tenant, string slug, Uri baseUrl)
    {
        var definition = await tenant.PostAsync("/api/registry/definitions", new { name = $"{slug} MCP", kind = "mcp", baseUrl = baseUrl.ToString() }, "create definition");
        var method = await tenant.PostAsync("/api/registry/auth-methods",
            new { definitionId = definition.GetProperty("id").GetGuid(), name = $"{slug} auth", kind = "none" }, "create auth method");
        return method.GetProperty("id").GetGuid();
    }

    private static async Task CreateInstallAsync(TestTenant tenant, string slug, Uri baseUrl, object lists)
    {
        var method = await NewAuthMethodAsync(tenant, slug, baseUrl);
        var body = JsonSerializer.SerializeToNode(lists)!.AsObject();
        body["slug"] = slug;
        body["authMethodId"] = method;
        await tenant.PostAsync("/api/registry/installs", body, $"create install {slug}");
    }
}
