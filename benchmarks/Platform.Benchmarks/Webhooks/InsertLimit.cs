using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Platform.Benchmarks.Webhooks;

/// <summary>
/// PostgreSQL's own rate for what accepting a webhook must at least do: one durable transaction inserting an event
/// row and its outbox row, measured with <c>pgbench</c> (16 clients, prepared statements, the server's default
/// <c>synchronous_commit</c>) against the platform's own PostgreSQL in the same run. The rows go to scratch copies of
/// <c>webhooks.events</c> and <c>webhooks.outbox</c> (same columns, indexes and foreign key), with the statement
/// webhook-ingress runs and rows of the benchmark's size; the copies are dropped afterwards.
/// </summary>
internal static partial class InsertLimit
{
    private const string Schema = "insert_limit";

    /// <summary>Transactions per second, and the CPU time PostgreSQL spent per transaction (ms).</summary>
    public static async Task<(double PerSecond, double PostgresCpuMs)> MeasureAsync(
        BenchmarkPlatform platform, ResourceCpu cpu, int clients, TimeSpan warmup, TimeSpan duration, CancellationToken ct)
    {
        var connectionString = platform.ConnectionString("webhookdb");
        await using var database = NpgsqlDataSource.Create(connectionString);
        await ExecuteAsync(database, $"""
            DROP SCHEMA IF EXISTS {Schema} CASCADE;
            CREATE SCHEMA {Schema};
            CREATE TABLE {Schema}.events (LIKE webhooks.events INCLUDING ALL);
            CREATE TABLE {Schema}.outbox (LIKE webhooks.outbox INCLUDING ALL,
                FOREIGN KEY (event_id) REFERENCES {Schema}.events (id) ON DELETE CASCADE);
            """, ct);
        var script = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(script, Script(), ct);
            await RunPgbenchAsync(connectionString, script, clients, warmup, ct);
            var before = cpu.Snapshot();
            var (perSecond, transactions) = await RunPgbenchAsync(connectionString, script, clients, duration, ct);
            var postgres = cpu.Names.ToList().IndexOf("postgres");
            var postgresCpuMs = (cpu.Snapshot()[postgres] - before[postgres]).TotalMilliseconds / Math.Max(1, transactions);
            return (perSecond, postgresCpuMs);
        }
        finally
        {
            File.Delete(script);
            await ExecuteAsync(database, $"DROP SCHEMA IF EXISTS {Schema} CASCADE", CancellationToken.None);
        }
    }

    /// <summary>
    /// The accept statement of <c>WebhookEventStore</c> on the scratch tables, autocommitted (one transaction). Ids are
    /// time-ordered like the service's version-7 ids; the body and kept headers match the benchmark's requests.
    /// </summary>
    private static string Script()
    {
        var tenant = Guid.NewGuid();
        var route = Guid.NewGuid();
        var space = Guid.NewGuid();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $$$"""
            \set sequence random(1, 1000000000)
            WITH v AS (
                SELECT (lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid AS id,
                       'bench-' || md5(random()::text) AS sender_id
            ), inserted AS (
                INSERT INTO {{{Schema}}}.events (id, tenant_id, route_id, route_slug, space_id, scheme, sender_event_id,
                                               requester_identity, credential_subject, headers, payload, received_at, content_sha256, credential_subject_id)
                SELECT v.id, '{{{tenant}}}', '{{{route}}}', 'orders', '{{{space}}}', 'standard-webhooks', v.sender_id, NULL, NULL,
                       jsonb_build_object('content-type', 'application/json', 'webhook-id', v.sender_id, 'webhook-timestamp', '{{{timestamp}}}'),
                       convert_to('{"type":"order.updated","sequence":' || :sequence || ',"order":{"id":"' || v.sender_id || '","status":"paid","total":4200,"currency":"EUR","lines":[{"sku":"A-1","qty":2},{"sku":"B-7","qty":1}]}}', 'UTF8'),
                       now(), NULL, NULL
                FROM v
                ON CONFLICT DO NOTHING
                RETURNING id
            ), queued AS (
                INSERT INTO {{{Schema}}}.outbox (event_id) SELECT id FROM inserted RETURNING event_id
            )
            SELECT event_id, false FROM queued;

            """.Replace("\r", "", StringComparison.Ordinal);
    }

    private static async Task<(double PerSecond, long Transactions)> RunPgbenchAsync(
        string connectionString, string script, int clients, TimeSpan duration, CancellationToken ct)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Pgbench())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--no-vacuum", "--protocol=prepared", $"--client={clients}", "--jobs=2",
            $"--time={(int)duration.TotalSeconds}", $"--file={script}",
        })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGPASSWORD"] = connection.Password;
        start.Environment["PGDATABASE"] = connection.Database;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pgbench did not start.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var text = await output;
        if (process.ExitCode != 0 || Tps().Match(text) is not { Success: true } tps || Processed().Match(text) is not { Success: true } processed)
        {
            throw new InvalidOperationException($"pgbench failed (exit {process.ExitCode}): {await errors}{text}");
        }
        return (double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(processed.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>pgbench from the PATH, else from the Debian PostgreSQL packages the platform runs on.</summary>
    private static string Pgbench() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, "pgbench"))
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.EnumerateDirectories("/usr/lib/postgresql").Order().Reverse().Select(version => Path.Combine(version, "bin", "pgbench"))
                : [])
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("pgbench was not found (Debian package postgresql-client).");

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql, CancellationToken ct)
    {
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();

    [GeneratedRegex(@"number of transactions actually processed: ([0-9]+)")]
    private static partial Regex Processed();
}
