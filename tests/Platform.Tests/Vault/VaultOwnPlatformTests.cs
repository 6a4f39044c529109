using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Npgsql;
using Platform.SecretsVault.Client;
using Platform.SecretsVault.Crypto;
using Platform.SecretsVault.Rotation;
using Platform.SecretsVault.Storage;
using Platform.SecretsVault.Tests.Sources;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Vault;

/// <summary>
/// One platform of its own, started with a second master key version, with a Key Vault host allowed and mapped to
/// a local HTTPS stand-in (its CA trusted through <c>SSL_CERT_FILE</c>, a managed identity endpoint for
/// <c>DefaultAzureCredential</c>), and with every service exporting its telemetry (OTLP/HTTP) to a receiver in
/// this test. It shows a rotation through the real vault (a secret written under version 1 before the rotation,
/// rewrapped onto version 2), the cloud form resolved by the vault process with the Azure SDK, and the canary
/// absent from every log record, metric and span the platform exported, from the vault's console log and from the
/// AppHost's output.
/// </summary>
[Collection(LifecycleCollection.Name)]
public sealed class VaultOwnPlatformTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromSeconds(30);

    private const string KeyVaultHost = "contoso.vault.azure.net";

    private readonly TempDirectory _data = TempDirectory.Create();

    /// <summary>Outside the data folder, which <c>--fresh</c> empties.</summary>
    private readonly TempDirectory _trust = TempDirectory.Create();
    private OtlpReceiver _otlp = null!;
    private KeyVaultStandIn _keyVault = null!;
    private DistributedApplication _app = null!;

    public async Task InitializeAsync()
    {
        _otlp = await OtlpReceiver.StartAsync();
        _keyVault = await KeyVaultStandIn.StartAsync();
        var authority = Path.Combine(_trust.Path, "key-vault-stand-in-ca.pem");
        await File.WriteAllTextAsync(authority, _keyVault.CertificateAuthorityPem);
        var environment = new Dictionary<string, string>
        {
            // The platform's processes trust the stand-in's CA (and only it) for outbound TLS.
            ["SSL_CERT_FILE"] = authority,
            ["IDENTITY_ENDPOINT"] = _keyVault.ManagedIdentityEndpoint.ToString(),
            ["IDENTITY_HEADER"] = KeyVaultStandIn.IdentityHeader,
            // The canary's tenant may name this Key Vault; no other tenant may.
            [$"Vault__Tenants__{VaultCanary.TenantSlug}__KeyVaults__0__Host"] = KeyVaultHost,
            [$"Vault__Cloud__Endpoints__{KeyVaultHost}"] = _keyVault.Endpoint.ToString(),
            ["Vault__Cloud__DisableChallengeResourceVerification"] = "true",
            ["Vault__MasterKeys__2"] = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 64),
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _otlp.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
        };
        _app = await DistributedApplication.StartAsync(_data.Path, fresh: true, environment: environment);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        await _otlp.DisposeAsync();
        await _keyVault.DisposeAsync();
        _data.Dispose();
        _trust.Dispose();
    }

    [Fact]
    public async Task Rotation_and_key_vault_through_the_vault_with_no_canary_in_any_telemetry()
    {
        var vault = new VaultAccess(_app);
        var tenant = Guid.NewGuid();

        // Before the rotation: a secret written under master key version 1 (sealed as the vault did then).
        var before = await SeedUnderVersionOneAsync(vault, tenant);
        // After: version 2 is configured, so new writes use it, and the old secret still resolves.
        var after = await vault.Client("integration-registry").CreateEncryptedAsync(tenant, SecretPurposes.UpstreamCredential, VaultCanary.Variant("after-rotation"), None);
        Assert.Equal([(before, 1), (after.SecretId, 2)], await MasterKeyVersionsAsync(tenant));
        Assert.Equal(VaultCanary.Variant("before-rotation"), await vault.Client("mcp-edge").ResolveAsync(tenant, before, None));

        using var operatorClient = vault.Operator();
        var status = await operatorClient.GetFromJsonAsync<MasterKeyStatus>("/internal/keys");
        Assert.Equal(2, status!.CurrentVersion);
        Assert.Equal([1, 2], status.ConfiguredVersions);
        Assert.Empty(status.RetirableVersions);
        using var rewrap = await operatorClient.PostAsync("/internal/keys/rewrap", null);
        Assert.Equal(HttpStatusCode.OK, rewrap.StatusCode);
        var report = await rewrap.Content.ReadFromJsonAsync<RewrapReport>();

        Assert.Equal((2, 1, 0), (report!.ToVersion, report.Rewrapped, report.Failed));
        Assert.Equal([1], report.Status.RetirableVersions);
        Assert.DoesNotContain(report.Status.DataKeys, k => k.MasterKeyVersion == 1);
        Assert.Equal([(before, 2), (after.SecretId, 2)], await MasterKeyVersionsAsync(tenant));
        Assert.Equal(VaultCanary.Variant("before-rotation"), await vault.Client("mcp-edge").ResolveAsync(tenant, before, None));

        await ResolveFromKeyVaultAsync(vault, await vault.CanaryTenantAsync());

        var seen = await CanaryWorkout.RunAsync(vault);
        // The marker: a create and a resolve under a trace id of ours, after everything the workout did. Once the
        // vault's log record and span of that trace arrive, and a metrics export after them, every earlier record,
        // span and measurement has been exported too.
        var trace = ActivityTraceId.CreateRandom();
        var markerId = await MarkAsync(vault, tenant, trace);
        DateTimeOffset? markedAt = null;
        await Eventually.UntilAsync(
            () =>
            {
                markedAt ??= _otlp.Received("logs", markerId, trace) && _otlp.Received("traces", "secrets-vault", trace) ? DateTimeOffset.UtcNow : null;
                return markedAt is { } at && _otlp.Received("metrics", at, "secrets-vault", "vault.secret.resolves");
            },
            ExportTimeout,
            () => $"the vault's log record and span of the marker trace, then its metrics; received {_otlp.Summary()}");
        var lines = await ResourceLogs.ReadUntilAsync(_app, VaultAccess.Resource, markerId, ExportTimeout);

        Assert.All(seen, s => CanaryAssert.Absent(s.Text, s.Where));
        Assert.Empty(_otlp.ExportsContaining(VaultCanary.Value));
        CanaryAssert.Absent(lines, "the secrets-vault console log");
        Assert.False(_app.Output.Wrote(VaultCanary.Value), "The canary secret leaked into the AppHost's output.");
    }

    /// <summary>The vault process, with its default credential and SDK client, against the stand-in.</summary>
    private async Task ResolveFromKeyVaultAsync(VaultAccess vault, Guid tenant)
    {
        const string Version = "0123456789abcdef0123456789abcdef";
        _keyVault.Secrets[("canary", "")] = VaultCanary.Variant("cloud");
        _keyVault.Secrets[("canary", Version)] = VaultCanary.Variant("cloud-pinned");
        var writer = vault.Client("integration-registry");
        var edge = vault.Client("mcp-edge");
        var latest = await writer.CreateCloudReferenceAsync(tenant, SecretPurposes.UpstreamCredential, new Uri($"https://{KeyVaultHost}/secrets/canary"), None);
        var pinned = await writer.CreateCloudReferenceAsync(tenant, SecretPurposes.UpstreamCredential, new Uri($"https://{KeyVaultHost}/secrets/canary/{Version}"), None);
        var missing = await writer.CreateCloudReferenceAsync(tenant, SecretPurposes.UpstreamCredential, new Uri($"https://{KeyVaultHost}/secrets/missing"), None);

        Assert.Equal(VaultCanary.Variant("cloud"), await edge.ResolveAsync(tenant, latest.SecretId, None));
        var served = _keyVault.Requests.Count;
        Assert.Equal(VaultCanary.Variant("cloud"), await edge.ResolveAsync(tenant, latest.SecretId, None));
        Assert.Equal(served, _keyVault.Requests.Count);
        Assert.Equal(VaultCanary.Variant("cloud-pinned"), await edge.ResolveAsync(tenant, pinned.SecretId, None));
        var unavailable = await Assert.ThrowsAsync<SecretUnavailableException>(() => edge.ResolveAsync(tenant, missing.SecretId, None));
        Assert.Equal(SecretUnavailableReason.SourceUnavailable, unavailable.Reason);
        Assert.Contains(KeyVaultStandIn.Resource, _keyVault.TokenRequests);
        Assert.True(_keyVault.ChallengesSent >= 1, "the vault never met the bearer challenge");
        await Assert.ThrowsAsync<SecretRejectedException>(() => writer.CreateCloudReferenceAsync(
            tenant, SecretPurposes.UpstreamCredential, new Uri("https://fabrikam.vault.azure.net/secrets/canary"), None));
    }

    private static async Task<string> MarkAsync(VaultAccess vault, Guid tenant, ActivityTraceId trace)
    {
        var traceparent = $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
        using var registry = vault.Http("integration-registry");
        using var create = new HttpRequestMessage(HttpMethod.Post, "/internal/secrets")
        {
            Content = JsonContent.Create(new CreateSecretRequest(tenant, SecretKinds.Encrypted, SecretPurposes.UpstreamCredential, Value: "not-a-canary")),
        };
        create.Headers.Add("traceparent", traceparent);
        using var created = await registry.SendAsync(create);
        var marker = await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<SecretHandle>();
        using var edge = vault.Http("mcp-edge");
        using var resolve = new HttpRequestMessage(HttpMethod.Get, $"/internal/tenants/{tenant}/secrets/{marker!.SecretId}/value");
        resolve.Headers.Add("traceparent", traceparent);
        using var resolved = await edge.SendAsync(resolve);
        resolved.EnsureSuccessStatusCode();
        return marker.SecretId.ToString();
    }

    private static async Task<Guid> SeedUnderVersionOneAsync(VaultAccess vault, Guid tenant)
    {
        var id = Guid.CreateVersion7();
        var versionOne = new EnvelopeCipher(new MasterKeyRing(new Dictionary<int, string> { [1] = vault.MasterKey }));
        var sealedSecret = versionOne.Seal(new SecretBinding(tenant, id, 1), VaultCanary.Variant("before-rotation"));
        await using var dataSource = NpgsqlDataSource.Create(vault.App.GetConnectionString("vaultdb"));
        await new SecretStore(dataSource).CreateAsync(
            new NewSecret(id, tenant, SecretPurposes.UpstreamCredential, "integration-registry", new EncryptedReference(sealedSecret)), None);
        return id;
    }

    private async Task<IReadOnlyList<(Guid, int)>> MasterKeyVersionsAsync(Guid tenant)
    {
        var db = new VaultDatabase(_app.GetConnectionString("vaultdb"));
        return await db.QueryAsync(
            "SELECT secret_id, master_key_version FROM vault.secret_refs WHERE tenant_id = $1 ORDER BY secret_id",
            r => (r.GetGuid(0), r.GetInt32(1)), tenant);
    }
}
