using ModelContextProtocol;
using Platform.McpEdge.Catalog;

namespace Platform.McpEdge.Tests;

public sealed class CursorPageTests
{
    [Fact]
    public void Pages_cover_the_list_once_in_order()
    {
        var all = Enumerable.Range(0, 25).ToList();
        var seen = new List<int>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var (items, next) = CursorPage.Take(all, cursor, 10);
            seen.AddRange(items);
            cursor = next;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(all, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public void An_exact_fit_has_no_next_cursor() => Assert.Null(CursorPage.Take(Enumerable.Range(0, 10), null, 10).NextCursor);

    [Theory]
    [InlineData("garbage!")]
    [InlineData("bzotMQ==")]
    [InlineData("aGVsbG8=")]
    public void A_cursor_the_edge_did_not_issue_is_invalid_params(string cursor)
    {
        var error = Assert.Throws<McpProtocolException>(() => CursorPage.Take(Enumerable.Range(0, 10), cursor, 5));
        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
    }
}
