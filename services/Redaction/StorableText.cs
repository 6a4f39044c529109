using System.Text;

namespace Platform.Redaction;

/// <summary>
/// Text made storable in a PostgreSQL <c>text</c> column and in UTF-8 anywhere: PostgreSQL refuses NUL and an
/// unpaired UTF-16 surrogate has no UTF-8 form, so each becomes U+FFFD; text over a length keeps its start and ends
/// with <see cref="TruncationMarker"/>. Whoever stores the result records that it was altered.
/// </summary>
public static class StorableText
{
    public const char Replacement = '\uFFFD';

    public const string TruncationMarker = "…[truncated]";

    /// <summary>The text, storable, with no length limit.</summary>
    public static string From(string text, out bool altered) => From(text, int.MaxValue, out altered);

    /// <summary>
    /// The text, storable and at most <paramref name="maxLength"/> characters (marker included, never splitting a
    /// surrogate pair); <paramref name="altered"/> says whether it differs from what was given.
    /// </summary>
    public static string From(string text, int maxLength, out bool altered)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, TruncationMarker.Length);
        var clean = WithoutUnstorableCharacters(text);
        altered = !ReferenceEquals(clean, text);
        if (clean.Length <= maxLength)
        {
            return clean;
        }
        altered = true;
        var keep = maxLength - TruncationMarker.Length;
        if (keep > 0 && char.IsHighSurrogate(clean[keep - 1]))
        {
            keep--;
        }
        return string.Concat(clean.AsSpan(0, keep), TruncationMarker);
    }

    /// <summary>True when the character at <paramref name="index"/> is NUL or half of no surrogate pair.</summary>
    internal static bool IsUnstorable(string text, int index)
    {
        var c = text[index];
        if (c == '\0')
        {
            return true;
        }
        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= text.Length || !char.IsLowSurrogate(text[index + 1]);
        }
        return char.IsLowSurrogate(c) && (index == 0 || !char.IsHighSurrogate(text[index - 1]));
    }

    /// <summary>The same instance when nothing needs replacing, so callers can tell cheaply.</summary>
    private static string WithoutUnstorableCharacters(string text)
    {
        var first = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnstorable(text, i))
            {
                first = i;
                break;
            }
        }
        if (first < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            builder.Append(IsUnstorable(text, i) ? Replacement : text[i]);
        }
        return builder.ToString();
    }
}
