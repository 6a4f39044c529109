using Platform.AuditWriter.Queries;

namespace Platform.AuditWriter.Tests;

public sealed class PageCursorTests
{
    [Fact]
    public void A_cursor_round_trips_its_position()
    {
        var cursor = new PageCursor(new DateTime(2026, 11, 20, 10, 11, 12, 345, DateTimeKind.Utc).AddTicks(6780), Guid.NewGuid());

        Assert.True(PageCursor.TryDecode(cursor.Encode(), out var decoded));
        Assert.Equal(cursor, decoded);
        Assert.Equal(DateTimeKind.Utc, decoded.OccurredAt.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a cursor")]
    [InlineData("bm90LWEtY3Vyc29y")]
    [InlineData("AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Garbage_is_not_a_cursor(string text)
    {
        var errors = new QueryErrors();

        Assert.Null(PageCursor.Parse(text.Length == 0 ? "x" : text, errors));
        Assert.True(errors.ToDictionary().ContainsKey("cursor"));
    }

    [Fact]
    public void A_cursor_is_url_safe()
    {
        var encoded = new PageCursor(DateTime.UtcNow, Guid.NewGuid()).Encode();

        Assert.Matches("^[A-Za-z0-9_-]+$", encoded);
    }
}
