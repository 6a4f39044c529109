using System.Diagnostics;
using System.Globalization;
using MassTransit;
using Npgsql;
using NpgsqlTypes;
using Platform.Contracts;
using Platform.Messaging;

namespace Platform.Benchmarks.Audit;

/// <summary>
/// The audit writer on the real platform. Ingest: tool calls queued as <see cref="ToolCallCompletedBatch"/> messages
/// while the writer is stopped, then drained into PostgreSQL (MassTransit consume, validation, redaction, batched
/// INSERT), once per message shape (100 calls per message, the edge's default; 10; and 1, the shape before
/// batching), against a raw binary COPY of the same rows into a table of the same shape and indexes, and against a
/// MassTransit consumer that does nothing, in the same run. Lag: call completion to row at a steady 1,000 calls/s, published as the edge publishes.
/// </summary>
public sealed class AuditBenchmark : IBenchmark
{
    private const int IngestEvents = 100_000;

    /// <summary>The edge's default <c>McpEdge:Audit:MaxCallsPerMessage</c>.</summary>
    private const int EdgeCallsPerMessage = 100;

    /// <summary>The audit writer's default <c>Ingest:ToolCalls:PrefetchCount</c> (messages), used by the bus-alone baseline too.</summary>
    private const int WriterPrefetch = 50;

    private const int LagRate = 1_000;
    private static readonly TimeSpan EdgePublishDelay = TimeSpan.FromMilliseconds(20);
    private const int VisibilitySampleEvery = 100;
    private static readonly TimeSpan LagDuration = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan EdgeLagDuration = TimeSpan.FromSeconds(20);

    public string Name => "audit";

    public string Description => "audit writer: queue-to-PostgreSQL ingest (100, 10 and 1 calls per message) vs raw COPY, and call-to-row lag at 1,000 calls/s";

    /// <summary>Calls per message of each ingest run: the edge's default first (the COPY baseline uses its rows).</summary>
    private static readonly int[] IngestShapes = [EdgeCallsPerMessage, 10, 1];

    public async Task RunAsync(BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var loadAtStart = LoadAverage();
        // The end-to-end lag run sends 1,000 calls/s from one agent: above the gateway's default per-agent limit.
        Environment.SetEnvironmentVariable("Gateway__McpRateLimit__PermitsPerSecond", "1000000");
        Environment.SetEnvironmentVariable("Gateway__McpRateLimit__Burst", "1000000");
        await using var platform = await BenchmarkPlatform.StartAsync(cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(platform.ConnectionString("auditdb"));
        var bus = await StartBusAsync(platform.ConnectionString("eventbus"), cancellationToken);
        try
        {
            var ingests = new List<IngestResult>();
            foreach (var callsPerMessage in IngestShapes)
            {
                ingests.Add(await MeasureIngestAsync(platform, bus, dataSource, callsPerMessage, cancellationToken));
            }
            var copy = await MeasureCopyAsync(dataSource, ingests[0].Events, cancellationToken);
            var bare = new List<double>();
            foreach (var callsPerMessage in IngestShapes)
            {
                bare.Add(await MeasureBareMassTransitAsync(platform.ConnectionString("eventbus"), bus, ingests[0].Events, callsPerMessage, cancellationToken));
            }
            var lag = await MeasureLagAsync(platform, bus, dataSource, cancellationToken);
            var edgeLag = await EdgeLag.MeasureAsync(platform, dataSource, LagRate, EdgeLagDuration, cancellationToken);
            Write(report, ingests, copy, bare, lag, edgeLag);
            report.Line($"Load average (1 min) at the start and at the end of the run: {loadAtStart} and {LoadAverage()}; "
                + "anything above the core count means other processes were competing for the CPU.");
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<IngestResult> MeasureIngestAsync(
        BenchmarkPlatform platform, IBusControl bus, NpgsqlDataSource dataSource, int callsPerMessage, CancellationToken cancellationToken)
    {
        var tenant = $"bench-ingest-{callsPerMessage}-{Guid.NewGuid():N}";
        var at = DateTime.UtcNow;
        var events = Enumerable.Range(0, IngestEvents).Select(i => AuditEvents.ToolCall(tenant, i, at)).ToList();
        var messages = Batches(events, callsPerMessage);

        await platform.CommandAsync("audit-writer", "stop", cancellationToken);
        var publishing = Stopwatch.StartNew();
        foreach (var chunk in messages.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(message => bus.Publish(message, cancellationToken)));
        }
        publishing.Stop();

        var draining = Stopwatch.StartNew();
        await platform.CommandAsync("audit-writer", "start", cancellationToken);
        int[] pids = [await platform.PidAsync("audit-writer", cancellationToken), await platform.PidAsync("postgres", cancellationToken), await platform.PidAsync("eventbus", cancellationToken)];
        CpuSnapshot? atTenth = null;
        long count;
        while ((count = await CountAsync(dataSource, tenant, cancellationToken)) < IngestEvents)
        {
            if (atTenth is null && count >= IngestEvents / 10)
            {
                atTenth = new CpuSnapshot(count, [.. pids.Select(ProcessCpu.TreeTime)]);
            }
            // Counting is itself work for PostgreSQL: once a second keeps it out of the measurement. Until the first
            // tenth is seen, counts are small and cheap, and a few times a second catches that mark even in a
            // drain of a few seconds (100 calls per message).
            await Task.Delay(atTenth is null ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(1), cancellationToken);
        }
        draining.Stop();
        var atEnd = new CpuSnapshot(count, [.. pids.Select(ProcessCpu.TreeTime)]);
        var cpuPerThousand = atTenth is not null && atEnd.Rows > atTenth.Rows
            ? atEnd.Cpu.Zip(atTenth.Cpu, (after, before) => (after - before).TotalMilliseconds * 1000 / (atEnd.Rows - atTenth.Rows)).ToArray()
            : [double.NaN, double.NaN, double.NaN];

        await using var command = dataSource.CreateCommand("""
            SELECT extract(epoch FROM max(received_at) - min(received_at)),
                   extract(epoch FROM percentile_disc(0.9) WITHIN GROUP (ORDER BY received_at) - percentile_disc(0.1) WITHIN GROUP (ORDER BY received_at))
            FROM audit.tool_calls WHERE tenant_id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var firstToLast = (double)reader.GetDecimal(0);
        var middle = (double)reader.GetDecimal(1);
        return new IngestResult(
            callsPerMessage, messages.Count, events, IngestEvents / publishing.Elapsed.TotalSeconds, (IngestEvents - 1) / firstToLast, 0.8 * IngestEvents / middle,
            draining.Elapsed, cpuPerThousand);
    }

    /// <summary>The ceiling: the same rows by binary COPY into a plain table with the same columns, defaults and indexes.</summary>
    private static async Task<double> MeasureCopyAsync(NpgsqlDataSource dataSource, IReadOnlyList<ToolCallCompleted> events, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand("DROP TABLE IF EXISTS public.bench_tool_calls_copy; CREATE TABLE public.bench_tool_calls_copy (LIKE audit.tool_calls INCLUDING ALL)", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        var copying = Stopwatch.StartNew();
        await using (var import = await connection.BeginBinaryImportAsync("""
            COPY public.bench_tool_calls_copy (id, occurred_at, tenant_id, agent_id, subject_id, install_id, tool_name, upstream_tool_name,
                started_at, duration_ms, outcome, error_class, arguments, bytes_in, bytes_out, trace_id) FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            foreach (var e in events)
            {
                await import.StartRowAsync(cancellationToken);
                await import.WriteAsync(e.Id, NpgsqlDbType.Uuid, cancellationToken);
                await import.WriteAsync(e.OccurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await import.WriteAsync(e.TenantId, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(e.AgentId, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(e.SubjectId, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(e.InstallId, NpgsqlDbType.Uuid, cancellationToken);
                await import.WriteAsync(e.ToolName, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(e.UpstreamToolName, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(e.StartedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await import.WriteAsync(e.DurationMs, NpgsqlDbType.Bigint, cancellationToken);
                await import.WriteAsync(e.Outcome, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(e.ErrorClass, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(e.RedactedArguments, NpgsqlDbType.Jsonb, cancellationToken);
                await import.WriteAsync(e.BytesIn, NpgsqlDbType.Bigint, cancellationToken);
                await import.WriteAsync(e.BytesOut, NpgsqlDbType.Bigint, cancellationToken);
                await import.WriteAsync(e.TraceId, NpgsqlDbType.Text, cancellationToken);
            }
            await import.CompleteAsync(cancellationToken);
        }
        copying.Stop();
        await using (var drop = new NpgsqlCommand("DROP TABLE public.bench_tool_calls_copy", connection))
        {
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
        return events.Count / copying.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The bus alone: the same calls, in messages of the same shape, sent to a queue of their own while nothing
    /// consumes it, then drained by a MassTransit consumer that does nothing but count the calls, with the audit
    /// writer's prefetch and concurrency, in this process. Answers calls per second.
    /// </summary>
    private static async Task<double> MeasureBareMassTransitAsync(
        string connectionString, IBusControl bus, IReadOnlyList<ToolCallCompleted> events, int callsPerMessage, CancellationToken cancellationToken)
    {
        const string queue = "audit-benchmark-noop";
        var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{queue}"));
        foreach (var chunk in Batches(events, callsPerMessage).Chunk(500))
        {
            await Task.WhenAll(chunk.Select(message => endpoint.Send(message, cancellationToken)));
        }
        var counter = new NoopCounter(events.Count);
        var connection = EventBusConnection.Parse(connectionString);
        var consumer = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(connection.Host, connection.Port, connection.VirtualHost, "audit-benchmark-noop", host =>
            {
                host.Username(connection.Username);
                host.Password(connection.Password);
            });
            rabbit.ReceiveEndpoint(queue, endpoint =>
            {
                endpoint.ConfigureConsumeTopology = false;
                endpoint.PrefetchCount = WriterPrefetch;
                endpoint.ConcurrentMessageLimit = WriterPrefetch;
                endpoint.Consumer(() => new NoopConsumer(counter));
            });
        });
        var draining = Stopwatch.StartNew();
        await consumer.StartAsync(cancellationToken);
        await counter.AllConsumed.Task.WaitAsync(cancellationToken);
        draining.Stop();
        await consumer.StopAsync(cancellationToken);
        return events.Count / draining.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Calls "complete" at a steady rate (each call's occurredAt is the moment it completed) and are published the
    /// way the edge publishes them: gathered for the edge's publish delay (<see cref="EdgePublishDelay"/>, its
    /// default <c>McpEdge:Audit:PublishDelay</c>) or until a message is full, then sent as one message. Every row's
    /// lag is its <c>received_at</c> (written during the INSERT) minus occurredAt, so the gathering pause counts;
    /// one call in 100 is also watched by a reader polling every 5 ms, for the lag to the row being visible to
    /// others (after commit).
    /// </summary>
    private static async Task<LagResult> MeasureLagAsync(BenchmarkPlatform platform, IBusControl bus, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        int[] pids = [await platform.PidAsync("audit-writer", cancellationToken), await platform.PidAsync("postgres", cancellationToken), await platform.PidAsync("eventbus", cancellationToken)];
        var cpuBefore = pids.Select(ProcessCpu.TreeTime).ToArray();
        var tenant = $"bench-lag-{Guid.NewGuid():N}";
        var publishes = new List<Task>();
        var watchers = new List<Task<double>>();
        var messages = 0;
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var pending = new List<ToolCallCompleted>();
        var pendingSince = TimeSpan.Zero;
        while (clock.Elapsed < LagDuration)
        {
            var due = (int)(clock.Elapsed.TotalSeconds * LagRate);
            for (; sent < due; sent++)
            {
                var e = AuditEvents.ToolCall(tenant, sent, DateTime.UtcNow);
                if (pending.Count == 0)
                {
                    pendingSince = clock.Elapsed;
                }
                pending.Add(e);
                if (sent % VisibilitySampleEvery == 0)
                {
                    watchers.Add(WatchAsync(dataSource, e, Stopwatch.GetTimestamp(), cancellationToken));
                }
            }
            if (pending.Count > 0 && (pending.Count >= EdgeCallsPerMessage || clock.Elapsed - pendingSince >= EdgePublishDelay))
            {
                publishes.Add(bus.Publish(new ToolCallCompletedBatch([.. pending]), cancellationToken));
                messages++;
                pending.Clear();
            }
            await Task.Delay(TimeSpan.FromMilliseconds(1), cancellationToken);
        }
        if (pending.Count > 0)
        {
            publishes.Add(bus.Publish(new ToolCallCompletedBatch([.. pending]), cancellationToken));
            messages++;
        }
        await Task.WhenAll(publishes);
        var achievedRate = sent / clock.Elapsed.TotalSeconds;
        var cpuPerThousand = pids.Select(ProcessCpu.TreeTime).Zip(cpuBefore, (after, before) => (after - before).TotalMilliseconds * 1000 / sent).ToArray();
        var visible = (await Task.WhenAll(watchers)).Order().ToArray();
        while (await CountAsync(dataSource, tenant, cancellationToken) < sent)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        await using var command = dataSource.CreateCommand("""
            SELECT percentile_disc(ARRAY[0.5, 0.95, 0.99, 1.0]) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - occurred_at) * 1000)
            FROM audit.tool_calls WHERE tenant_id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        var written = (decimal[])(await command.ExecuteScalarAsync(cancellationToken))!;
        return new LagResult(sent, messages, achievedRate, [.. written.Select(v => (double)v)], visible, cpuPerThousand);
    }

    private static async Task<double> WatchAsync(NpgsqlDataSource dataSource, ToolCallCompleted e, long started, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM audit.tool_calls WHERE id = $1 AND occurred_at = $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = e.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = e.OccurredAt });
        while (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
        }
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string tenant, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM audit.tool_calls WHERE tenant_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<IBusControl> StartBusAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = EventBusConnection.Parse(connectionString);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(connection.Host, connection.Port, connection.VirtualHost, "audit-benchmark", host =>
        {
            host.Username(connection.Username);
            host.Password(connection.Password);
            host.PublisherConfirmation = true;
        }));
        await bus.StartAsync(cancellationToken);
        return bus;
    }

    private static void Write(BenchmarkReport report, IReadOnlyList<IngestResult> ingests, double copyRate, IReadOnlyList<double> bareRates, LagResult lag, EdgeLagResult edgeLag)
    {
        static string Rate(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
        static string Ms(double value) => value.ToString("N1", CultureInfo.InvariantCulture);
        static string Percent(double value) => value.ToString("P0", CultureInfo.InvariantCulture);
        static string Shape(int callsPerMessage) => callsPerMessage == 1
            ? "1 call/message (the shape before batching)"
            : callsPerMessage == EdgeCallsPerMessage ? $"{callsPerMessage} calls/message (the edge's default)" : $"{callsPerMessage} calls/message";
        string[] Row(string measure, Func<IngestResult, int, string> value) => [measure, .. ingests.Select(value)];

        report.Line($"Ingest: {IngestEvents:N0} `ToolCallCompleted` calls queued in `tool-call-audit` as `ToolCallCompletedBatch` messages while the "
            + "audit writer was stopped, then drained after `start`; once per message shape. The audit writer runs with its defaults "
            + $"(`Ingest:ToolCalls`: prefetch {WriterPrefetch} messages, batches of up to 500 rows, 4 writers), so with 1 call per message "
            + $"at most {WriterPrefetch} calls wait for a database batch at once.");
        report.Line("");
        report.Table(["measure (calls/s unless noted)", .. ingests.Select(ingest => Shape(ingest.CallsPerMessage))],
        [
            Row("messages", (ingest, _) => ingest.Messages.ToString("N0", CultureInfo.InvariantCulture)),
            Row("queue → `audit.tool_calls`, steady (10th–90th percentile of rows)", (ingest, _) => Rate(ingest.SteadyRate)),
            Row("queue → `audit.tool_calls`, first row to last", (ingest, _) => Rate(ingest.FirstToLastRate)),
            Row("ratio steady ingest / COPY (below)", (ingest, _) => Percent(ingest.SteadyRate / copyRate)),
            Row($"bus alone: the same messages drained by a MassTransit consumer that does nothing (prefetch {WriterPrefetch}, its start included)", (_, i) => Rate(bareRates[i])),
            Row("ratio steady ingest / bus alone", (ingest, i) => Percent(ingest.SteadyRate / bareRates[i])),
            Row("(publishing the messages, with publisher confirms, for reference)", (ingest, _) => Rate(ingest.PublishRate)),
            Row("drain wall time from the `start` command to the last row (process start included)", (ingest, _) => $"{ingest.Drain.TotalSeconds:N1} s"),
        ]);
        report.Line($"Baseline: binary COPY of the same {IngestEvents:N0} rows into a table of the same shape and indexes: {Rate(copyRate)} rows/s.");
        report.Line("");
        report.Line("CPU time per 1,000 calls (process trees read from `/proc`), and the rate those costs would allow on the "
            + $"{Environment.ProcessorCount} cores if nothing else ran. Draining: from the first count past 10 % of the rows to the last row. "
            + "Steady: the whole lag run below, so it includes RabbitMQ taking each publish and confirming it.");
        report.Line("");
        report.Table(["phase", "audit-writer", "postgres", "eventbus (RabbitMQ)", "total", "calls/s at full use of the cores"],
        [
            .. ingests.Select(ingest => CpuRow($"draining the queue, {Shape(ingest.CallsPerMessage)}", ingest.CpuMsPerThousand)),
            CpuRow($"steady {LagRate:N0} calls/s, published as the edge does (about {lag.Events / Math.Max(1, lag.Messages)} calls/message)", lag.CpuMsPerThousand),
        ]);
        report.Line($"Lag: {lag.Events:N0} calls completing at {Rate(lag.AchievedRate)} calls/s for {LagDuration.TotalSeconds:N0} s, published as the "
            + $"edge publishes them: gathered for {EdgePublishDelay.TotalMilliseconds:0} ms (the edge's `McpEdge:Audit:PublishDelay`) or up to "
            + $"{EdgeCallsPerMessage} calls, then one `ToolCallCompletedBatch` message ({lag.Messages:N0} messages); audit writer running. "
            + "The lag counts from each call's completion, so the gathering pause is part of it.");
        report.Line("");
        report.Table(["lag, ms", "p50", "p95", "p99", "max"],
        [
            ["call completed → row written (`received_at` − `occurred_at`, every call)", Ms(lag.Written[0]), Ms(lag.Written[1]), Ms(lag.Written[2]), Ms(lag.Written[3])],
            [$"call completed → row visible to a reader (1 call in {VisibilitySampleEvery}, 5 ms polling)", Ms(Percentile(lag.Visible, 50)), Ms(Percentile(lag.Visible, 95)), Ms(Percentile(lag.Visible, 99)), Ms(lag.Visible[^1])],
        ]);
        report.Line($"End to end: {edgeLag.Calls:N0} real `tools/call`s of an echo upstream through the gateway and the MCP edge, started at "
            + $"{LagRate:N0} calls/s for {EdgeLagDuration.TotalSeconds:N0} s by one agent (after 5 s of warm-up), each audited by the edge "
            + $"(its defaults: {EdgePublishDelay.TotalMilliseconds:0} ms gathering, up to {EdgeCallsPerMessage} calls per message) and written by the audit writer; "
            + $"{edgeLag.Rows:N0} rows found. Written lag: `received_at` minus the `occurred_at` the edge stamped when the call finished; visible lag: "
            + $"from the response reaching the agent to the row being visible to another connection (1 call in 100, 5 ms polling).");
        report.Line("");
        report.Table(["lag, ms", "p50", "p95", "p99", "max"],
        [
            ["tool call finished (edge) → row written, every call", Ms(edgeLag.Written[0]), Ms(edgeLag.Written[1]), Ms(edgeLag.Written[2]), Ms(edgeLag.Written[3])],
            ["response at the agent → row visible to a reader", Ms(Percentile(edgeLag.Visible, 50)), Ms(Percentile(edgeLag.Visible, 95)), Ms(Percentile(edgeLag.Visible, 99)), Ms(edgeLag.Visible[^1])],
        ]);
    }

    /// <summary>Calls cut, in order, into messages of <paramref name="callsPerMessage"/>, as the edge's publisher cuts a full round.</summary>
    private static List<ToolCallCompletedBatch> Batches(IReadOnlyList<ToolCallCompleted> events, int callsPerMessage) =>
        [.. events.Chunk(callsPerMessage).Select(chunk => new ToolCallCompletedBatch(chunk))];

    private static string[] CpuRow(string phase, double[] cpu)
    {
        static string Ms(double value) => value.ToString("N1", CultureInfo.InvariantCulture) + " ms";
        var total = cpu.Sum();
        return [phase, Ms(cpu[0]), Ms(cpu[1]), Ms(cpu[2]), Ms(total), (Environment.ProcessorCount * 1_000_000 / total).ToString("N0", CultureInfo.InvariantCulture)];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed record IngestResult(
        int CallsPerMessage, int Messages, IReadOnlyList<ToolCallCompleted> Events, double PublishRate, double FirstToLastRate, double SteadyRate,
        TimeSpan Drain, double[] CpuMsPerThousand);

    private sealed record CpuSnapshot(long Rows, TimeSpan[] Cpu);

    private sealed record LagResult(int Events, int Messages, double AchievedRate, double[] Written, double[] Visible, double[] CpuMsPerThousand);
}
