namespace Platform.AuditWriter.Ingest;

/// <summary>Makes valid JSON storable as <c>jsonb</c>, which refuses the <c>\u0000</c> escape (NUL) that JSON allows.</summary>
public static class JsonbText
{
    private const string Nul = "\\u0000";
    private const string Replacement = "\\ufffd";

    /// <summary>Replaces each <c>\u0000</c> escape with U+FFFD, leaving an escaped backslash followed by <c>u0000</c> alone.</summary>
    public static string WithoutNul(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!json.Contains(Nul, StringComparison.Ordinal))
        {
            return json;
        }
        var builder = new System.Text.StringBuilder(json.Length);
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != '\\' || i + 1 >= json.Length)
            {
                builder.Append(json[i]);
            }
            else if (string.CompareOrdinal(json, i, Nul, 0, Nul.Length) == 0)
            {
                builder.Append(Replacement);
                i += Nul.Length - 1;
            }
            else
            {
                // Any other escape, an escaped backslash included, is copied whole.
                builder.Append(json, i, 2);
                i++;
            }
        }
        return builder.ToString();
    }
}
