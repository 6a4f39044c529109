using System.Net.Security;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.SecretsVault.Options;
using Platform.SecretsVault.Sources;

namespace Platform.SecretsVault.Tests.Sources;

/// <summary>The real Azure SDK <c>SecretClient</c>, through the vault's own source, against a local Key Vault stand-in.</summary>
public sealed class CloudSecretSourceTests : IAsyncLifetime
{
    private const string VaultHost = "contoso.vault.azure.net";
    private const string Version = "0123456789abcdef0123456789abcdef";

    private KeyVaultStandIn _standIn = null!;
    private readonly StaticTokenCredential _credential = new(KeyVaultStandIn.Token);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _standIn = await KeyVaultStandIn.StartAsync();
        var thumbprint = _standIn.Certificate.GetCertHashString();
        // Trust exactly the stand-in's certificate, and only in this test.
        _http = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint,
            },
        });
        _standIn.Secrets[("slack-token", "")] = "xoxb-cloud-latest";
        _standIn.Secrets[("slack-token", Version)] = "xoxb-cloud-pinned";
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _cache.Dispose();
        await _standIn.DisposeAsync();
    }

    [Fact]
    public async Task A_key_vault_endpoint_on_loopback_is_refused_by_the_outbound_policy_before_any_request()
    {
        var policy = new Platform.Outbound.OutboundPolicy(
            Microsoft.Extensions.Options.Options.Create(new Platform.Outbound.OutboundPolicyOptions()), NullLogger<Platform.Outbound.OutboundPolicy>.Instance);
        using var outbound = new HttpClient(policy.CreateHandler());

        string? value = null;
        var failure = await Record.ExceptionAsync(async () =>
            value = await Source(transport: new HttpClientTransport(outbound)).ReadAsync(Identifier($"https://{VaultHost}/secrets/slack-token"), CancellationToken.None));

        Assert.True(value is null, "the secret was read through a refused address");
        Assert.Empty(_standIn.Requests);
        Assert.True(failure is null or Azure.RequestFailedException or HttpRequestException or Platform.Outbound.OutboundRefusedException, failure?.ToString());
    }

    private CloudSecretSource Source(TimeSpan? cacheDuration = null, HttpPipelineTransport? transport = null)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new CloudSecretOptions
        {
            CacheDuration = cacheDuration ?? TimeSpan.FromSeconds(30),
            Endpoints = new(StringComparer.OrdinalIgnoreCase) { [VaultHost] = _standIn.Endpoint },
            DisableChallengeResourceVerification = true,
        });
        var clients = new KeyVaultClients(options, _credential, transport ?? new HttpClientTransport(_http));
        return new CloudSecretSource(options, clients, _cache, NullLogger<CloudSecretSource>.Instance);
    }

    private static CloudSecretIdentifier Identifier(string text) =>
        CloudSecretIdentifier.TryParse(text, out var identifier, out var error) ? identifier : throw new ArgumentException(error);

    [Fact]
    public async Task Resolves_the_latest_version_after_answering_the_bearer_challenge()
    {
        var value = await Source().ReadAsync(Identifier($"https://{VaultHost}/secrets/slack-token"), CancellationToken.None);

        Assert.Equal("xoxb-cloud-latest", value);
        Assert.Equal(1, _standIn.ChallengesSent);
        Assert.Contains($"{KeyVaultStandIn.Resource}/.default", _credential.RequestedScopes);
        Assert.Contains(_standIn.Requests, r => r.StartsWith("GET /secrets/slack-token?api-version=", StringComparison.Ordinal) && r.EndsWith("auth=bearer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resolves_a_pinned_version()
    {
        var value = await Source().ReadAsync(Identifier($"https://{VaultHost}/secrets/slack-token/{Version}"), CancellationToken.None);

        Assert.Equal("xoxb-cloud-pinned", value);
        Assert.Contains(_standIn.Requests, r => r.StartsWith($"GET /secrets/slack-token/{Version}?api-version=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keeps_a_fetched_secret_briefly_instead_of_asking_again()
    {
        var source = Source();
        var identifier = Identifier($"https://{VaultHost}/secrets/slack-token");

        await source.ReadAsync(identifier, CancellationToken.None);
        var served = _standIn.Requests.Count;
        _standIn.Secrets[("slack-token", "")] = "xoxb-cloud-rotated";
        var again = await source.ReadAsync(identifier, CancellationToken.None);

        Assert.Equal("xoxb-cloud-latest", again);
        Assert.Equal(served, _standIn.Requests.Count);
    }

    [Fact]
    public async Task Without_a_cache_every_resolve_asks_key_vault()
    {
        var source = Source(TimeSpan.Zero);
        var identifier = Identifier($"https://{VaultHost}/secrets/slack-token");

        await source.ReadAsync(identifier, CancellationToken.None);
        _standIn.Secrets[("slack-token", "")] = "xoxb-cloud-rotated";

        Assert.Equal("xoxb-cloud-rotated", await source.ReadAsync(identifier, CancellationToken.None));
    }

    [Fact]
    public async Task A_secret_key_vault_does_not_have_resolves_to_nothing()
    {
        Assert.Null(await Source().ReadAsync(Identifier($"https://{VaultHost}/secrets/missing"), CancellationToken.None));
    }

    [Fact]
    public async Task The_default_credential_signs_in_with_a_managed_identity()
    {
        // What DefaultAzureCredential finds on Azure App Service: IDENTITY_ENDPOINT and IDENTITY_HEADER.
        var previous = (Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT"), Environment.GetEnvironmentVariable("IDENTITY_HEADER"));
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", _standIn.ManagedIdentityEndpoint.ToString());
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", KeyVaultStandIn.IdentityHeader);
        try
        {
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { Transport = new HttpClientTransport(_http) });
            var options = Microsoft.Extensions.Options.Options.Create(new CloudSecretOptions
            {
                Endpoints = new(StringComparer.OrdinalIgnoreCase) { [VaultHost] = _standIn.Endpoint },
                DisableChallengeResourceVerification = true,
            });
            var source = new CloudSecretSource(options, new KeyVaultClients(options, credential, new HttpClientTransport(_http)), _cache, NullLogger<CloudSecretSource>.Instance);

            Assert.Equal("xoxb-cloud-latest", await source.ReadAsync(Identifier($"https://{VaultHost}/secrets/slack-token"), CancellationToken.None));
            Assert.Contains(KeyVaultStandIn.Resource, _standIn.TokenRequests);
        }
        finally
        {
            Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", previous.Item1);
            Environment.SetEnvironmentVariable("IDENTITY_HEADER", previous.Item2);
        }
    }

    [Fact]
    public void By_default_requests_go_to_the_named_host_with_the_challenge_verified()
    {
        var defaults = Microsoft.Extensions.Options.Options.Create(new CloudSecretOptions());

        Assert.False(defaults.Value.DisableChallengeResourceVerification);
        Assert.Empty(defaults.Value.Endpoints);
    }
}
