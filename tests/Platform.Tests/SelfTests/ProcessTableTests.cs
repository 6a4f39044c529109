using System.Diagnostics;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.SelfTests;

/// <summary>The lifecycle tests trust /proc parsing to find survivors; a blind parser would let them pass vacuously.</summary>
public sealed class ProcessTableTests
{
    [Fact]
    public async Task A_child_process_is_found_as_a_descendant_and_seen_to_die()
    {
        using var sleeper = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        try
        {
            var table = ProcessTable.All();
            var child = Assert.Single(ProcessTable.Descendants(Environment.ProcessId, table), p => p.Pid == sleeper.Id);
            Assert.Equal("sleep", child.Command);
            Assert.Equal(Environment.ProcessId, child.ParentPid);
            Assert.True(ProcessTable.IsAlive(child));

            UnixSignal.Send(sleeper.Id, UnixSignal.SigKill);

            await Eventually.UntilAsync(() => !ProcessTable.IsAlive(child), TimeSpan.FromSeconds(10), () => $"{child} dead");
        }
        finally
        {
            if (!sleeper.HasExited)
            {
                sleeper.Kill();
            }
        }
    }

    [Fact]
    public void The_test_run_itself_is_never_counted()
    {
        var table = ProcessTable.All();

        var self = ProcessTable.SelfAndAncestors(table);

        Assert.Contains(Environment.ProcessId, self);
        Assert.Contains(ProcessTable.TryRead(Environment.ProcessId)!.ParentPid, self);
    }

    [Fact]
    public void A_process_naming_a_path_in_its_environment_is_found()
    {
        using var data = TempDirectory.Create();
        using var sleeper = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false, Environment = { ["PLATFORM_TEST_DIR"] = data.Path } })!;
        try
        {
            Assert.Contains(ProcessTable.Referencing(data.Path, ProcessTable.All()), p => p.Pid == sleeper.Id);
        }
        finally
        {
            sleeper.Kill();
        }
    }
}
