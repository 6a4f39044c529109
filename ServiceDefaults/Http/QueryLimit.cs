using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// A page size from the query string, read as text so that no value can fail binding (a 500 in development): one
/// whole number from 1 to the maximum, digits only. <c>1e99</c>, <c>1.5</c>, <c>-1</c> and a repeated parameter
/// (<c>limit=10&amp;limit=20</c>, bound as <c>"10,20"</c>) are refused with a message for the <c>limit</c> field.
/// </summary>
public static class QueryLimit
{
    public static bool TryParse(string? text, int defaultLimit, int maxLimit, out int limit, [NotNullWhen(false)] out string? error)
    {
        limit = defaultLimit;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= maxLimit)
        {
            limit = value;
            return true;
        }
        error = $"Must be a whole number from 1 to {maxLimit}.";
        return false;
    }
}
