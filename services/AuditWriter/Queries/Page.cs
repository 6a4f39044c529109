using System.Text.Json.Serialization;

namespace Platform.AuditWriter.Queries;

/// <summary>A page of results, newest first; pass <see cref="NextCursor"/> as <c>cursor</c> for the next (absent on the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextCursor)
{
    /// <summary>From up to <paramref name="limit"/> + 1 rows: the extra row only says that another page exists.</summary>
    public static Page<T> From(List<T> rows, int limit, Func<T, PageCursor> cursorOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(cursorOf);
        if (rows.Count <= limit)
        {
            return new Page<T>(rows, null);
        }
        rows.RemoveRange(limit, rows.Count - limit);
        return new Page<T>(rows, cursorOf(rows[^1]).Encode());
    }
}
