using System.Text;
using ModelContextProtocol;

namespace Platform.McpEdge.Catalog;

/// <summary>
/// Opaque cursors over a list every replica builds in the same order: the cursor is the offset of the next page,
/// so a client may page through different replicas.
/// </summary>
public static class CursorPage
{
    private const string Prefix = "o:";

    public static (IReadOnlyList<T> Items, string? NextCursor) Take<T>(IEnumerable<T> all, string? cursor, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(all);
        var offset = Decode(cursor);
        var items = all.Skip(offset).Take(pageSize + 1).ToList();
        if (items.Count <= pageSize)
        {
            return (items, null);
        }
        items.RemoveAt(pageSize);
        return (items, Encode(offset + pageSize));
    }

    private static string Encode(int offset) => Convert.ToBase64String(Encoding.ASCII.GetBytes(Prefix + offset));

    private static int Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }
        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(text.AsSpan(Prefix.Length), out var offset) && offset >= 0)
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Reported below, like any other cursor the edge did not issue.
        }
        throw new McpProtocolException("Invalid cursor: pass back the nextCursor of a previous page unchanged.", McpErrorCode.InvalidParams);
    }
}
