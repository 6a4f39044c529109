using Platform.Redaction;

namespace Platform.AuditWriter.ToolCalls;

/// <summary>
/// Makes the values of one call storable and remembers which fields it had to alter, so the row says so. A value a
/// publisher could get wrong (an agent's tool name, arguments, a number) never costs the call its place in the audit.
/// </summary>
internal sealed class StorableFields
{
    private readonly List<string> _altered = [];

    public IReadOnlyList<string> Altered => _altered;

    /// <summary>Storable text of at most <paramref name="maxLength"/> characters; null stays null.</summary>
    public string? Text(string? value, string field, int maxLength)
    {
        if (value is null)
        {
            return null;
        }
        var storable = StorableText.From(value, maxLength, out var altered);
        Mark(field, altered);
        return storable;
    }

    /// <summary>Storable text, or <paramref name="fallback"/> (marked altered) when there is none.</summary>
    public string Required(string? value, string field, int maxLength, string fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Mark(field, true);
            return fallback;
        }
        return Text(value, field, maxLength)!;
    }

    /// <summary>A count or duration the table requires to be non-negative; a negative one is stored as 0.</summary>
    public long NotNegative(long value, string field)
    {
        Mark(field, value < 0);
        return Math.Max(value, 0);
    }

    public void Mark(string field, bool altered)
    {
        if (altered && !_altered.Contains(field))
        {
            _altered.Add(field);
        }
    }
}
