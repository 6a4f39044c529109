using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.SecretsVault.Client;
using Platform.SecretsVault.Crypto;
using Platform.SecretsVault.Storage;

namespace Platform.Benchmarks.Vault;

/// <summary>
/// Resolve of the encrypted form: in-process (the vault's own store and cipher against the platform's vaultdb)
/// and over HTTP through the internal API, each beside a baseline that does the same minus the decryption.
/// </summary>
public sealed class VaultBenchmark : IBenchmark
{
    private const int Secrets = 200;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);
    private static readonly int[] Concurrencies = [1, 8, 16];

    public string Name => "vault";

    public string Description => "secrets vault: resolve of an encrypted secret, in-process and over HTTP";

    public async Task RunAsync(BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var platform = await BenchmarkPlatform.StartAsync(cancellationToken);
        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 64 };
        using var registry = Client(handler, platform, "integration-registry");
        using var edge = Client(handler, platform, "mcp-edge");
        await using var dataSource = NpgsqlDataSource.Create(platform.ConnectionString("vaultdb"));
        var store = new SecretStore(dataSource);
        var cipher = new EnvelopeCipher(new MasterKeyRing(new Dictionary<int, string> { [1] = platform.Parameters["vault-master-key"] }));
        // The vault's own group-commit writer, so the in-process record costs what the endpoint's does; the store
        // alone is the former way, one INSERT and one commit per record, measured beside it.
        var accessLogStore = new AccessLogStore(dataSource);
        var accessLog = new AccessLog(accessLogStore, NullLogger<AccessLog>.Instance);
        await accessLog.StartAsync(cancellationToken);

        var tenant = Guid.NewGuid();
        var ids = new Guid[Secrets];
        for (var i = 0; i < Secrets; i++)
        {
            using var created = await registry.PostAsJsonAsync("/internal/secrets",
                new CreateSecretRequest(tenant, SecretKinds.Encrypted, SecretPurposes.UpstreamCredential, Value: $"sk_bench_{Guid.NewGuid():N}"), cancellationToken);
            created.EnsureSuccessStatusCode();
            ids[i] = (await created.Content.ReadFromJsonAsync<SecretHandle>(cancellationToken))!.SecretId;
        }
        var sealedSecret = ((EncryptedReference)(await store.FindAsync(tenant, ids[0], cancellationToken))!.Reference!).Sealed;
        var binding = new SecretBinding(tenant, ids[0], 1);
        var next = 0;
        Guid NextId() => ids[(int)((uint)Interlocked.Increment(ref next) % Secrets)];

        var cases = new (string Name, string Path, Func<CancellationToken, Task> Operation)[]
        {
            ("decrypt only (no DB)", "crypto", _ => { cipher.Open(binding, sealedSecret); return Task.CompletedTask; }),
            ("DB read of the secret row (baseline)", "in-process", async ct => await store.FindAsync(tenant, NextId(), ct)),
            ("DB read + decrypt", "in-process", async ct => Open(cipher, tenant, await store.FindAsync(tenant, NextId(), ct))),
            ("DB read + decrypt + access record (what the endpoint runs)", "in-process", async ct =>
            {
                var id = NextId();
                Open(cipher, tenant, await store.FindAsync(tenant, id, ct));
                await accessLog.RecordAsync(new AccessRecord("mcp-edge", AccessOperations.Resolve, tenant, id, 1, AccessOutcomes.Ok), ct);
            }),
            ("DB read + decrypt + access record committed alone (one INSERT per record, before group commit)", "in-process", async ct =>
            {
                var id = NextId();
                Open(cipher, tenant, await store.FindAsync(tenant, id, ct));
                await accessLogStore.WriteAsync([new AccessRecord("mcp-edge", AccessOperations.Resolve, tenant, id, 1, AccessOutcomes.Ok)], ct);
            }),
            ("GET metadata: auth + DB read, no decrypt, no record (baseline)", "HTTP", async ct =>
            {
                using var response = await edge.GetAsync($"/internal/tenants/{tenant}/secrets/{NextId()}", ct);
                response.EnsureSuccessStatusCode();
            }),
            ("GET value: resolve (auth + DB read + decrypt + access record)", "HTTP", async ct =>
            {
                using var response = await edge.GetAsync($"/internal/tenants/{tenant}/secrets/{NextId()}/value", ct);
                response.EnsureSuccessStatusCode();
            }),
        };

        foreach (var (_, _, operation) in cases)
        {
            await LatencyRecorder.RunAsync(2, TimeSpan.FromSeconds(1), operation, cancellationToken);
        }
        var rows = new List<IReadOnlyList<string>>();
        var results = new Dictionary<(string, int), LatencyRecorder>();
        foreach (var concurrency in Concurrencies)
        {
            foreach (var (name, path, operation) in cases)
            {
                var result = await LatencyRecorder.RunAsync(concurrency, Duration, operation, cancellationToken);
                results[(name, concurrency)] = result;
                rows.Add([path, name, concurrency.ToString(CultureInfo.InvariantCulture), F(result.OperationsPerSecond, "N0"), F(result.Percentile(50), "0.000"), F(result.Percentile(99), "0.000")]);
            }
        }
        await accessLog.StopAsync(cancellationToken);

        report.Line($"{Secrets} encrypted secrets (40-byte values) in vaultdb, resolved round-robin; {Duration.TotalSeconds:0} s per row after a 1 s warm-up. The platform runs on the same machine, built in this configuration (services in the Development environment, OpenTelemetry without an exporter, PostgreSQL with its default durable commits).");
        report.Line("");
        report.Table(["path", "operation", "concurrency", "ops/s", "p50 ms", "p99 ms"], rows);
        foreach (var concurrency in Concurrencies)
        {
            double Ratio(int subject, int baseline) =>
                results[(cases[subject].Name, concurrency)].OperationsPerSecond / results[(cases[baseline].Name, concurrency)].OperationsPerSecond;
            report.Line($"- concurrency {concurrency}: in-process, DB read + decrypt runs at {Ratio(2, 1):P0} of the bare DB read's throughput, " +
                $"with the access record at {Ratio(3, 1):P0} (committed alone, one INSERT per record: {Ratio(4, 1):P0}); " +
                $"over HTTP, resolve runs at {Ratio(6, 5):P0} of the metadata read's.");
        }
    }

    private static void Open(EnvelopeCipher cipher, Guid tenant, StoredSecret? secret)
    {
        var reference = (EncryptedReference)secret!.Reference!;
        cipher.Open(new SecretBinding(tenant, secret.Id, secret.Version), reference.Sealed);
    }

    private static HttpClient Client(HttpMessageHandler handler, BenchmarkPlatform platform, string caller) => new(handler, disposeHandler: false)
    {
        BaseAddress = platform.Url("secrets-vault"),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Service", platform.Parameters[$"{caller}-service-key"]) },
    };

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
