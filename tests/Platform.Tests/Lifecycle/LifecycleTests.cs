using Platform.Tests.Infrastructure;

namespace Platform.Tests.Lifecycle;

/// <summary>Each test starts a platform of its own on its own data folder, so stopping and killing disturb nothing else.</summary>
[Collection(LifecycleCollection.Name)]
public sealed class LifecycleTests
{
    /// <summary>
    /// Aspire's orchestrator (DCP) runs detached from the AppHost: once the AppHost has exited or died, DCP stops what
    /// it started (a project's <c>dotnet run</c> wrapper only after its stop timeout) and then exits itself.
    /// </summary>
    private static readonly TimeSpan OrchestratorShutdownGrace = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Sigterm_stops_every_process_the_platform_started()
    {
        using var data = TempDirectory.Create();
        await using var app = await AppHostRun.StartAsync(data.Path, fresh: true);
        var processes = Collect(app);

        try
        {
            Assert.True(File.Exists(EndpointsFile(data.Path)), "endpoints.json is there while the platform is ready");

            var exitCode = await app.StopAsync();

            Assert.Equal(0, exitCode);
            // Its presence means "ready": a clean stop takes it away.
            Assert.False(File.Exists(EndpointsFile(data.Path)), "endpoints.json survived a clean stop");
            await PlatformProcesses.WaitUntilAllGoneAsync(processes, data.Path, OrchestratorShutdownGrace);
        }
        finally
        {
            PlatformProcesses.KillSurvivors(processes);
        }
    }

    [Fact]
    public async Task Ctrl_c_removes_endpoints_json_so_its_presence_still_means_ready()
    {
        using var data = TempDirectory.Create();
        await using var app = await AppHostRun.StartAsync(data.Path, fresh: true);
        var processes = Collect(app);

        try
        {
            Assert.True(File.Exists(EndpointsFile(data.Path)), "endpoints.json is there while the platform is ready");

            Assert.Equal(0, await app.StopAsync(UnixSignal.SigInt));

            Assert.False(File.Exists(EndpointsFile(data.Path)), "endpoints.json survived Ctrl+C");
            await PlatformProcesses.WaitUntilAllGoneAsync(processes, data.Path, OrchestratorShutdownGrace);
        }
        finally
        {
            PlatformProcesses.KillSurvivors(processes);
        }
    }

    [Fact]
    public async Task Sigkill_of_the_apphost_leaves_no_process_behind()
    {
        using var data = TempDirectory.Create();
        await using var app = await AppHostRun.StartAsync(data.Path, fresh: true);
        var processes = Collect(app);

        try
        {
            app.Process.Signal(UnixSignal.SigKill);

            Assert.True(await app.Process.WaitForExitAsync(TimeSpan.FromSeconds(10)), "the AppHost survived SIGKILL");
            await PlatformProcesses.WaitUntilAllGoneAsync(processes, data.Path, OrchestratorShutdownGrace);
        }
        finally
        {
            PlatformProcesses.KillSurvivors(processes);
        }
    }

    [Fact]
    public async Task A_second_start_on_the_same_data_folder_keeps_the_rows_written_before()
    {
        using var data = TempDirectory.Create();
        IReadOnlyList<ServiceEventRow> firstRun;
        await using (var first = await AppHostRun.StartAsync(data.Path, fresh: true))
        {
            firstRun = await AuditEvents.WaitForEveryPublisherAsync(first.GetConnectionString("auditdb"), DateTimeOffset.MinValue, TimeSpan.FromSeconds(60));
            Assert.Equal(0, await first.StopAsync());
        }

        var secondStartedAt = DateTimeOffset.UtcNow;
        await using var second = await AppHostRun.StartAsync(data.Path, fresh: false);
        var secondRun = await AuditEvents.WaitForEveryPublisherAsync(second.GetConnectionString("auditdb"), secondStartedAt, TimeSpan.FromSeconds(60));

        var kept = secondRun.Select(r => r.Id).ToHashSet();
        Assert.All(firstRun, r => Assert.True(kept.Contains(r.Id), $"the row {r.Id} ({r.Service}/{r.Instance}) of the first run is gone"));
        Assert.True(secondRun.Count > firstRun.Count, "the second run added no rows of its own");
    }

    private static string EndpointsFile(string dataDirectory) => Path.Combine(dataDirectory, PlatformEndpoints.FileName);

    /// <summary>Every process of the platform: the AppHost, Aspire's orchestrator and what it started, the servers.</summary>
    private static IReadOnlyList<ProcessEntry> Collect(AppHostRun app)
    {
        var processes = PlatformProcesses.Collect(app);
        Assert.Contains(processes, p => p.Command == "postgres");
        Assert.Contains(processes, p => p.Command.StartsWith("beam", StringComparison.Ordinal));
        Assert.Contains(processes, p => p.Command == "epmd");
        Assert.Contains(processes, p => p.Command == "dcp");
        foreach (var project in new[] { "Gateway", "McpEdge", "OAuthBroker", "SecretsVault", "IntegrationRegistry", "WebhookIngress", "AuditWriter" })
        {
            Assert.True(processes.Any(p => ProcessTable.CommandLine(p.Pid).Contains(project, StringComparison.Ordinal)), $"no process of {project} found");
        }
        return processes;
    }
}
