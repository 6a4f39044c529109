using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Platform.IntegrationRegistry.Client;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Registry;

/// <summary>
/// The registry as the tests reach it: the public API through the gateway (operator key, admin keys), and the
/// internal API directly on the registry's own URL as a given platform service, with the service keys the AppHost
/// generated into <c>parameters.json</c>.
/// </summary>
public sealed class RegistryPlatform(DistributedApplicationFixture platform)
{
    public const string Resource = "integration-registry";

    private readonly IReadOnlyDictionary<string, string> _parameters =
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(platform.App.DataDirectory, "parameters.json")))
        ?? throw new InvalidDataException("parameters.json holds null.");

    public DistributedApplicationFixture Platform => platform;

    public string OperatorKey => _parameters["platform-operator-key"];

    public string ServiceKey(string service) => _parameters[$"{service}-service-key"];

    public DevCredentials Dev => DevCredentials.Read(platform.App.DataDirectory);

    /// <summary>The gateway with <c>Authorization: Bearer {bearer}</c> (none when null).</summary>
    public HttpClient Gateway(string? bearer)
    {
        var http = platform.CreateHttpClient("gateway");
        if (bearer is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return http;
    }

    /// <summary>The registry itself (not the gateway) presenting <paramref name="caller"/>'s service key; none when null.</summary>
    public HttpClient Internal(string? caller)
    {
        var http = platform.CreateHttpClient(Resource);
        if (caller is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Service", ServiceKey(caller));
        }
        return http;
    }

    /// <summary>The typed client other services use, as <paramref name="caller"/>.</summary>
    public RegistryClient Client(string caller) => new(Internal(caller));

    /// <summary>A fresh tenant made with the operator key, with an admin client on the gateway.</summary>
    public async Task<TestTenant> CreateTenantAsync(string prefix)
    {
        var slug = $"{prefix}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        using var operatorClient = Gateway(OperatorKey);
        using var response = await operatorClient.PostAsJsonAsync("/api/registry/operator/tenants", new { slug, name = $"Test {slug}" });
        var json = await Api.ReadAsync(response, "create tenant");
        return new TestTenant(
            json.GetProperty("tenant").GetProperty("id").GetGuid(), slug, json.GetProperty("adminKey").GetProperty("key").GetString()!, this);
    }
}
