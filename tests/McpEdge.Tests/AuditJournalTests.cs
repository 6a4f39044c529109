using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Contracts;
using Platform.McpEdge.Audit;
using Platform.ServiceDefaults;

namespace Platform.McpEdge.Tests;

public sealed class AuditJournalTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("edge-journal-").FullName;

    [Fact]
    public void Appended_records_are_replayed_in_order_and_gone_once_complete()
    {
        using var journal = Open();
        journal.Append([Event(1), Event(2)]);
        journal.Append([Event(3)]);

        journal.Seal();
        var segment = Assert.Single(journal.Segments());
        var (events, unreadable) = journal.Read(segment);
        journal.Complete(segment, events.Count);

        Assert.Equal([1L, 2L, 3L], events.Select(e => e.DurationMs));
        Assert.Equal(0, unreadable);
        Assert.Empty(journal.Segments());
        Assert.Equal(0, journal.Pending);
    }

    [Fact]
    public void A_partly_published_segment_keeps_only_the_rest()
    {
        using var journal = Open();
        journal.Append([Event(1), Event(2), Event(3)]);
        journal.Seal();
        var segment = Assert.Single(journal.Segments());
        var (events, _) = journal.Read(segment);

        journal.Keep(segment, [.. events.Skip(1)], published: 1);

        Assert.Equal(2, journal.Pending);
        Assert.Equal([2L, 3L], journal.Read(segment).Events.Select(e => e.DurationMs));
    }

    [Fact]
    public void Records_survive_a_restart_and_a_torn_line_is_counted_not_fatal()
    {
        using (var first = Open())
        {
            first.Append([Event(1), Event(2)]);
        }
        File.AppendAllText(Path.Combine(Directory.GetDirectories(_root).Single(), "active.jsonl"), "{\"Id\":\"cut sho");

        using var second = Open();
        second.Seal();
        var (events, unreadable) = second.Read(Assert.Single(second.Segments()));

        Assert.Equal(2, events.Count);
        Assert.Equal(1, unreadable);
        Assert.Equal(2, second.Pending);
    }

    [Fact]
    public void Each_instance_has_its_own_folder()
    {
        using var a = Open("mcp-edge-0");
        using var b = Open("mcp-edge-1");

        Assert.NotEqual(a.Directory, b.Directory);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private AuditJournal Open(string instance = "mcp-edge-0") =>
        new(Options.Create(new AuditOptions { JournalDirectory = _root }), new ServiceIdentity("mcp-edge", instance, "1"), NullLogger<AuditJournal>.Instance);

    private static ToolCallCompleted Event(long marker) => new(
        Guid.CreateVersion7(), DateTime.UtcNow, "t", "a", "s", Guid.NewGuid(), "x__y", "y", DateTime.UtcNow, marker, "success", null, "{}", 2, 3, null);
}
