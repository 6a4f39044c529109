using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Platform.WebhookIngress.Verification;

/// <summary>Strict reading of the headers verifiers depend on.</summary>
internal static class HeaderReader
{
    /// <summary>Longest timestamp accepted, in digits (Unix seconds fit in 11 until the year 5138).</summary>
    private const int MaxTimestampDigits = 12;

    /// <summary>The header's single value; false when it is missing, empty or sent more than once.</summary>
    public static bool TryGetSingle(IHeaderDictionary headers, string name, out string value)
    {
        value = string.Empty;
        var values = headers[name];
        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return false;
        }
        value = values[0]!;
        return true;
    }

    public static bool IsMissing(IHeaderDictionary headers, string name) => headers[name].Count == 0;

    /// <summary>Unix seconds written as plain decimal digits.</summary>
    public static bool TryParseUnixSeconds(string text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (text.Length is 0 or > MaxTimestampDigits || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        try
        {
            timestamp = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    public static bool IsWithinTolerance(DateTimeOffset timestamp, DateTimeOffset now, TimeSpan tolerance) =>
        (now - timestamp).Duration() <= tolerance;
}
