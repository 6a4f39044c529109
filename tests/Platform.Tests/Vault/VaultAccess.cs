using System.Net.Http.Headers;
using System.Text.Json;
using Platform.SecretsVault.Client;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Vault;

/// <summary>
/// Calls the vault's internal API directly (its URL from endpoints.json) as a given platform service, with the
/// service key the AppHost generated into <c>&lt;data-dir&gt;/parameters.json</c>.
/// </summary>
public sealed class VaultAccess(DistributedApplication app)
{
    public const string Resource = "secrets-vault";

    private readonly IReadOnlyDictionary<string, string> _parameters =
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(app.DataDirectory, "parameters.json")))
        ?? throw new InvalidDataException("parameters.json holds null.");

    public DistributedApplication App => app;

    public string ServiceKey(string service) => _parameters[$"{service}-service-key"];

    public string OperatorKey => _parameters["platform-operator-key"];

    public string MasterKey => _parameters["vault-master-key"];

    /// <summary>A client presenting <paramref name="caller"/>'s service key; no credential when null.</summary>
    public HttpClient Http(string? caller)
    {
        var http = app.CreateHttpClient(Resource);
        if (caller is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Service", ServiceKey(caller));
        }
        return http;
    }

    /// <summary>The <see cref="VaultClient"/> other services use, as <paramref name="caller"/>.</summary>
    public VaultClient Client(string caller) => new(Http(caller));

    public HttpClient Operator()
    {
        var http = app.CreateHttpClient(Resource);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        return http;
    }
}
