using System.Globalization;
using System.Text;

namespace Platform.Redaction;

/// <summary>
/// JSON text made storable as PostgreSQL <c>jsonb</c>, which refuses what JSON itself allows: the <c>\u0000</c>
/// escape and unpaired surrogate escapes (each becomes <c>\ufffd</c>), and numbers beyond what <c>numeric</c> holds
/// (<c>1e99999999999</c>; every number a double cannot hold finitely, or that underflows to zero, becomes a string of
/// its own text). Raw NUL and unpaired surrogates become U+FFFD too. One pass over the text, nothing else touched.
/// </summary>
public static class StorableJson
{
    private const string ReplacementEscape = "\\ufffd";

    /// <summary>Longer number tokens are stored as strings: <c>numeric</c>'s digit limits are far above, so this is safe.</summary>
    private const int MaxNumberLength = 1000;

    public static string From(string json, out bool altered)
    {
        ArgumentNullException.ThrowIfNull(json);
        var builder = new StringBuilder(json.Length);
        altered = false;
        var inString = false;
        var i = 0;
        while (i < json.Length)
        {
            var c = json[i];
            if (StorableText.IsUnstorable(json, i))
            {
                builder.Append(StorableText.Replacement);
                altered = true;
                i++;
            }
            else if (inString && c == '\\' && i + 1 < json.Length)
            {
                i = CopyEscape(json, i, builder, ref altered);
            }
            else if (c == '"')
            {
                inString = !inString;
                builder.Append(c);
                i++;
            }
            else if (!inString && (c == '-' || char.IsAsciiDigit(c)))
            {
                i = CopyNumber(json, i, builder, ref altered);
            }
            else
            {
                builder.Append(c);
                i++;
            }
        }
        return altered ? builder.ToString() : json;
    }

    /// <summary>Copies one escape at <paramref name="start"/> (a backslash), replacing NUL and unpaired surrogates.</summary>
    private static int CopyEscape(string json, int start, StringBuilder builder, ref bool altered)
    {
        if (json[start + 1] != 'u' || !TryHex(json, start + 2, out var unit))
        {
            builder.Append(json, start, 2);
            return start + 2;
        }
        if (unit == 0 || char.IsLowSurrogate((char)unit))
        {
            builder.Append(ReplacementEscape);
            altered = true;
            return start + 6;
        }
        if (!char.IsHighSurrogate((char)unit))
        {
            builder.Append(json, start, 6);
            return start + 6;
        }
        var next = start + 6;
        if (next + 1 < json.Length && json[next] == '\\' && json[next + 1] == 'u' && TryHex(json, next + 2, out var low) && char.IsLowSurrogate((char)low))
        {
            builder.Append(json, start, 12);
            return start + 12;
        }
        builder.Append(ReplacementEscape);
        altered = true;
        return start + 6;
    }

    private static int CopyNumber(string json, int start, StringBuilder builder, ref bool altered)
    {
        var end = start + 1;
        while (end < json.Length && (char.IsAsciiDigit(json[end]) || json[end] is '.' or 'e' or 'E' or '+' or '-'))
        {
            end++;
        }
        var token = json.AsSpan(start, end - start);
        if (IsStorableNumber(token))
        {
            builder.Append(token);
        }
        else
        {
            builder.Append('"').Append(token).Append('"');
            altered = true;
        }
        return end;
    }

    private static bool IsStorableNumber(ReadOnlySpan<char> token)
    {
        if (token.Length > MaxNumberLength || !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return false;
        }
        if (value != 0)
        {
            return true;
        }
        // Zero is fine when it was written as zero; 1e-99999 underflows to zero but numeric cannot hold it.
        var exponent = token.IndexOfAny('e', 'E');
        var mantissa = exponent < 0 ? token : token[..exponent];
        return !mantissa.ContainsAnyInRange('1', '9');
    }

    private static bool TryHex(string json, int start, out int unit)
    {
        unit = 0;
        return start + 4 <= json.Length && int.TryParse(json.AsSpan(start, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out unit);
    }
}
