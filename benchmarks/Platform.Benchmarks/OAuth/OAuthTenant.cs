using System.Net;
using System.Text.Json;
using Platform.Benchmarks.Edge;

namespace Platform.Benchmarks.OAuth;

/// <summary>
/// A tenant with one person, an agent acting for that person, and two installs of the same upstream: <c>oauth</c>
/// (kind <c>oauth</c>, connected by the person through a connect link, as in the README's "Connecting an OAuth
/// service", against an authorization server that approves at once) and <c>static</c> (kind <c>static</c>, the
/// person's API key in <c>Authorization</c>).
/// </summary>
internal static class OAuthTenant
{
    public const string OAuthInstall = "oauth";
    public const string StaticInstall = "static";

    /// <summary>Returns the agent token, once the person has connected the OAuth install.</summary>
    public static async Task<string> CreateConnectedAsync(Uri gateway, string operatorKey, Uri upstream, string staticKey, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        var tenant = await EdgeTenant.PostAsync(http, operatorKey, "/api/registry/operator/tenants", new { slug = $"oauth-{Guid.NewGuid():N}"[..20], name = "OAuth benchmark" }, ct);
        var admin = tenant.GetProperty("adminKey").GetProperty("key").GetString()!;
        var person = (await EdgeTenant.PostAsync(http, admin, "/api/registry/identities", new { name = "person", displayName = "Person" }, ct)).GetProperty("id").GetGuid();
        var agent = await EdgeTenant.PostAsync(http, admin, "/api/registry/agents", new { slug = "bench", name = "Benchmark agent", subjectIdentityId = person }, ct);
        var token = await EdgeTenant.PostAsync(http, admin, $"/api/registry/agents/{agent.GetProperty("id").GetGuid()}/tokens", new { name = "bench" }, ct);

        var oauth = await InstallAsync(http, admin, upstream, OAuthInstall, new { name = "oauth", kind = "oauth" }, ct);
        var staticInstall = await InstallAsync(http, admin, upstream, StaticInstall, new { name = "key", kind = "static", headerName = "Authorization" }, ct);
        await EdgeTenant.PostAsync(http, admin, "/api/registry/credentials",
            new { installId = staticInstall, subjectIdentityId = person, secrets = new Dictionary<string, object> { ["api-key"] = new { value = staticKey } } }, ct);

        var link = await EdgeTenant.PostAsync(http, admin, $"/api/registry/installs/{oauth}/connect-links", new { identityId = person }, ct);
        await ConnectAsync(new Uri(link.GetProperty("url").GetString()!), ct);
        return token.GetProperty("token").GetString()!;
    }

    /// <summary>The person's browser: the link's button, the provider (approves at once), the callback.</summary>
    private static async Task ConnectAsync(Uri link, CancellationToken ct)
    {
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true });
        using var onward = await browser.PostAsync(link, content: null, ct);
        Expect(onward, HttpStatusCode.SeeOther, "the connect link's button");
        using var approved = await browser.GetAsync(onward.Headers.Location, ct);
        Expect(approved, HttpStatusCode.Redirect, "the authorization server");
        using var callback = await browser.GetAsync(approved.Headers.Location, ct);
        Expect(callback, HttpStatusCode.OK, "the callback");
    }

    private static async Task<Guid> InstallAsync(HttpClient http, string admin, Uri upstream, string slug, object method, CancellationToken ct)
    {
        var definition = await EdgeTenant.PostAsync(http, admin, "/api/registry/definitions", new { name = $"Echo ({slug})", kind = "mcp", baseUrl = upstream.ToString() }, ct);
        var body = JsonSerializer.SerializeToNode(method)!.AsObject();
        body["definitionId"] = definition.GetProperty("id").GetGuid();
        var created = await EdgeTenant.PostAsync(http, admin, "/api/registry/auth-methods", body, ct);
        return (await EdgeTenant.PostAsync(http, admin, "/api/registry/installs",
            new { slug, authMethodId = created.GetProperty("id").GetGuid(), callTimeoutSeconds = 30 }, ct)).GetProperty("id").GetGuid();
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status, string step)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"Connecting: {step} answered {(int)response.StatusCode}, not {(int)status}.");
        }
    }
}
