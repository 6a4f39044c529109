namespace Platform.Tests.Infrastructure;

/// <summary>One process as /proc shows it. The start time tells it apart from a later process that reuses the PID.</summary>
public sealed record ProcessEntry(int Pid, int ParentPid, int ProcessGroup, char State, ulong StartTime, string Command)
{
    public override string ToString() => $"{Pid} {Command} (ppid {ParentPid}, pgid {ProcessGroup}, state {State})";
}
