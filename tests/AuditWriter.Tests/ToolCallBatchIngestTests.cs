using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.AuditWriter.Ingest;
using Platform.AuditWriter.Partitions;
using Platform.AuditWriter.ToolCalls;
using Platform.Contracts;
using Platform.Redaction;

namespace Platform.AuditWriter.Tests;

/// <summary>The audit writer's side of one <see cref="ToolCallCompletedBatch"/>: good calls stored, bad calls answered with their reasons.</summary>
public sealed class ToolCallBatchIngestTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly NpgsqlDataSource _unusedDatabase = NpgsqlDataSource.Create("Host=localhost");
    private readonly ToolCallStoreStandIn _store = new();
    private readonly BatchWriter<ToolCallRecord> _writer;
    private readonly ToolCallBatchIngest _ingest;

    public ToolCallBatchIngestTests()
    {
        var clock = new FixedTimeProvider(Now);
        var partitions = new PartitionMaintenance(_unusedDatabase, new TestOptions<RetentionOptions>(new RetentionOptions()), clock, NullLogger<PartitionMaintenance>.Instance);
        var factory = new ToolCallRecordFactory(new SecretRedactor("unit-test-fingerprint-key-0123456789abcdef"), partitions, clock);
        var options = new IngestOptions { MaxBatchSize = 500, MaxBatchDelay = TimeSpan.FromMilliseconds(10), Writers = 2, PrefetchCount = 50 };
        _writer = new BatchWriter<ToolCallRecord>("ToolCalls", _store, new TestOptions<IngestOptions>(options), NullLogger<BatchWriter<ToolCallRecord>>.Instance);
        _ingest = new ToolCallBatchIngest(factory, _writer);
    }

    public Task InitializeAsync() => _writer.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
        await _unusedDatabase.DisposeAsync();
    }

    [Fact]
    public async Task A_message_of_good_calls_is_stored_whole()
    {
        var calls = Enumerable.Range(0, 100).Select(_ => Call()).ToList();

        var rejected = await _ingest.StoreAsync(calls, CancellationToken.None);

        Assert.Empty(rejected);
        Assert.Equal(calls.Select(c => c.Id).Order(), _store.StoredIds.Order());
    }

    [Fact]
    public async Task Good_calls_are_stored_and_each_bad_one_is_answered_with_its_own_reason_in_message_order()
    {
        var good = Enumerable.Range(0, 40).Select(_ => Call()).ToList();
        var noTenant = Call() with { TenantId = " " };
        var noAgent = Call() with { AgentId = "" };
        // Valid by the rules, refused by the database (the stand-in refuses one tool name).
        var refused = Call() with { ToolName = ToolCallStoreStandIn.RefusedToolName };
        List<ToolCallCompleted> calls = [.. good.Take(10), noTenant, .. good.Skip(10).Take(10), refused, null!, noAgent, .. good.Skip(20)];

        var rejected = await _ingest.StoreAsync(calls, CancellationToken.None);

        Assert.Equal(good.Select(c => c.Id).Order(), _store.StoredIds.Order());
        Assert.Equal([10, 21, 22, 23], rejected.Select(r => r.Index));
        Assert.Equal([noTenant, refused, null, noAgent], rejected.Select(r => r.Call));
        Assert.Equal(
            [
                $"ToolCallCompleted {noTenant.Id} has no tenantId.",
                "The ToolCalls record was refused by the database (SQLSTATE 22021).",
                ToolCallBatchIngest.EmptyEntryReason,
                $"ToolCallCompleted {noAgent.Id} has no agentId.",
            ],
            rejected.Select(r => r.Reason));
    }

    [Fact]
    public async Task Calls_with_values_that_cannot_be_stored_as_given_are_stored_in_a_safe_form_not_rejected()
    {
        List<ToolCallCompleted> calls =
        [
            Call() with { ToolName = "" },
            Call() with { ToolName = new string('t', 300) },
            Call() with { ToolName = "bad\u0000tool" },
            Call() with { RedactedArguments = """{"n":1e99999999999}""" },
            Call() with { DurationMs = -5 },
        ];

        var rejected = await _ingest.StoreAsync(calls, CancellationToken.None);

        Assert.Empty(rejected);
        Assert.Equal(calls.Select(c => c.Id).Order(), _store.StoredIds.Order());
    }

    [Fact]
    public async Task A_message_of_only_bad_calls_stores_nothing_and_rejects_each()
    {
        List<ToolCallCompleted> calls = [Call() with { AgentId = "" }, Call() with { OccurredAt = default }];

        var rejected = await _ingest.StoreAsync(calls, CancellationToken.None);

        Assert.Empty(_store.StoredIds);
        Assert.Equal(2, rejected.Count);
    }

    [Fact]
    public async Task A_writer_that_cannot_answer_fails_the_message_instead_of_rejecting_calls()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _ingest.StoreAsync([Call()], cancelled.Token));
    }

    [Fact]
    public void Rejected_calls_go_to_the_error_queue_one_message_per_reason_holding_only_those_calls()
    {
        var a = Call();
        var b = Call();
        var c = Call();
        var d = Call();
        const string Refused = "The ToolCalls record was refused by the database (SQLSTATE 22021).";
        List<RejectedCall> rejected =
        [
            new(1, a, $"ToolCallCompleted {a.Id} has no tenantId."),
            new(4, b, Refused),
            new(6, c, $"ToolCallCompleted {c.Id} has no agentId."),
            new(9, d, Refused),
        ];

        var parked = ToolCallBatchIngest.ForErrorQueue(rejected);

        Assert.Equal([rejected[0].Reason, Refused, rejected[2].Reason], parked.Select(p => p.Reason));
        Assert.Equal([[a], [b, d], [c]], parked.Select(p => p.Message.Calls.ToArray()));
    }

    private static ToolCallCompleted Call() => new(
        Guid.NewGuid(), Now.UtcDateTime.AddMinutes(-1), Guid.NewGuid().ToString(), "agent", "subject", Guid.NewGuid(), "gh__search", "search",
        Now.UtcDateTime.AddMinutes(-1).AddMilliseconds(-20), 20, "success", null, """{"q":"x"}""", 10, 20, null);

    /// <summary>Keeps what it is given; refuses a batch holding <see cref="RefusedToolName"/>, as PostgreSQL refuses a row.</summary>
    private sealed class ToolCallStoreStandIn : IBatchStore<ToolCallRecord>
    {
        public const string RefusedToolName = "refused__by_the_database";

        private readonly Lock _gate = new();
        private readonly List<Guid> _stored = [];

        public IReadOnlyList<Guid> StoredIds
        {
            get
            {
                lock (_gate)
                {
                    return [.. _stored];
                }
            }
        }

        public Task WriteAsync(IReadOnlyList<ToolCallRecord> records, CancellationToken cancellationToken)
        {
            if (records.Any(r => r.ToolName == RefusedToolName))
            {
                return Task.FromException(new PostgresException("invalid byte sequence", "ERROR", "ERROR", "22021"));
            }
            lock (_gate)
            {
                _stored.AddRange(records.Select(r => r.Id));
            }
            return Task.CompletedTask;
        }
    }
}
