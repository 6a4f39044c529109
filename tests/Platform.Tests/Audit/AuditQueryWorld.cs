using Platform.Contracts;
using Platform.Tests.Infrastructure;
using Platform.Tests.Registry;

namespace Platform.Tests.Audit;

/// <summary>
/// Two tenants and a known set of tool calls, made once per test run and shared by the read-only query tests:
/// the first tenant has five <c>github__search</c> calls (two tool errors; 10, 20, 30, 40, 100 ms) by agent
/// <c>agent-x</c> for <c>alice</c> to install <c>github</c>, and two <c>slack__post</c> calls by <c>agent-y</c> for
/// <c>bob</c> to <c>slack</c>; the second has three calls with the same agent, identity and install ids and names.
/// </summary>
public sealed class AuditQueryWorld
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly Lock Gate = new();
    private static Task<AuditQueryWorld>? _shared;

    private AuditQueryWorld(RegistryPlatform registry, TestTenant first, TestTenant second, IReadOnlyList<ToolCallCompleted> callsOfFirst)
    {
        Registry = registry;
        First = first;
        Second = second;
        CallsOfFirst = callsOfFirst;
    }

    public static Guid InstallA { get; } = Guid.NewGuid();

    public static Guid InstallB { get; } = Guid.NewGuid();

    public static Guid AgentX { get; } = Guid.NewGuid();

    public static Guid AgentY { get; } = Guid.NewGuid();

    public static Guid Alice { get; } = Guid.NewGuid();

    public static Guid Bob { get; } = Guid.NewGuid();

    public RegistryPlatform Registry { get; }

    public TestTenant First { get; }

    public TestTenant Second { get; }

    /// <summary>In the order they happened, oldest first.</summary>
    public IReadOnlyList<ToolCallCompleted> CallsOfFirst { get; }

    public static Task<AuditQueryWorld> GetAsync(DistributedApplicationFixture platform)
    {
        lock (Gate)
        {
            return _shared ??= CreateAsync(platform);
        }
    }

    private static async Task<AuditQueryWorld> CreateAsync(DistributedApplicationFixture platform)
    {
        var registry = new RegistryPlatform(platform);
        var first = await registry.CreateTenantAsync("audit-a");
        var second = await registry.CreateTenantAsync("audit-b");
        // Whole seconds: PostgreSQL keeps microseconds, and the range filters below use these instants exactly.
        var now = DateTime.UtcNow;
        var start = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).AddMinutes(-10);
        var durations = new long[] { 10, 20, 30, 40, 100 };
        var callsOfFirst = new List<ToolCallCompleted>();
        for (var i = 0; i < durations.Length; i++)
        {
            callsOfFirst.Add(AuditBus.ToolCall(first.Id.ToString(), tool: "github__search", outcome: i < 2 ? "tool-error" : "success",
                durationMs: durations[i], occurredAt: start.AddSeconds(i), agentId: AgentX.ToString(), subjectId: Alice.ToString(), installId: InstallA)
                with { AgentSlug = "agent-x", IdentityName = "alice", InstallSlug = "github" });
        }
        for (var i = 0; i < 2; i++)
        {
            callsOfFirst.Add(AuditBus.ToolCall(first.Id.ToString(), tool: "slack__post", durationMs: 5 + (2 * i),
                occurredAt: start.AddSeconds(10 + i), agentId: AgentY.ToString(), subjectId: Bob.ToString(), installId: InstallB)
                with { AgentSlug = "agent-y", IdentityName = "bob", InstallSlug = "slack" });
        }
        var callsOfSecond = Enumerable.Range(0, 3)
            .Select(_ => AuditBus.ToolCall(second.Id.ToString(), tool: "github__search", agentId: AgentY.ToString(), subjectId: Bob.ToString(), installId: InstallB)
                with { AgentSlug = "agent-x", IdentityName = "alice", InstallSlug = "github" });

        await using (var bus = await AuditBus.StartAsync(platform.GetConnectionString("eventbus")))
        {
            await bus.PublishAllAsync(callsOfFirst.Concat(callsOfSecond));
        }
        var database = new AuditDatabase(platform.GetConnectionString("auditdb"));
        await database.WaitForToolCallsAsync(first.Id.ToString(), callsOfFirst.Count, Timeout);
        await database.WaitForToolCallsAsync(second.Id.ToString(), 3, Timeout);
        return new AuditQueryWorld(registry, first, second, callsOfFirst);
    }
}
