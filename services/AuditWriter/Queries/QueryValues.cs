using System.Globalization;
using System.Text.RegularExpressions;
using Platform.ServiceDefaults.Http;

namespace Platform.AuditWriter.Queries;

/// <summary>Parses query-string values, recording a readable error per bad field instead of failing.</summary>
public static partial class QueryValues
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>An ISO 8601 instant; without an offset it is taken as UTC.</summary>
    public static DateTime? Instant(string? text, string field, QueryErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            && value.Year is >= 1 and <= 9998)
        {
            return value.UtcDateTime;
        }
        errors.Add(field, "Must be an ISO 8601 timestamp, for example 2026-11-20T10:00:00Z.");
        return null;
    }

    public static Guid? Guid(string? text, string field, QueryErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (System.Guid.TryParse(text, out var value))
        {
            return value;
        }
        errors.Add(field, "Must be a GUID.");
        return null;
    }

    /// <summary>An agent or identity id: stored GUIDs are in one spelling, so the filter is too.</summary>
    public static string? Identifier(string? text, string field, QueryErrors errors)
    {
        var value = Text(text, field, 128, errors);
        return value is not null && System.Guid.TryParse(value, out var guid) ? guid.ToString("D") : value;
    }

    public static string? Text(string? text, string field, int maxLength, QueryErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (text.Length > maxLength)
        {
            errors.Add(field, $"Must be at most {maxLength} characters.");
            return null;
        }
        return text.Trim();
    }

    /// <summary>One of <see cref="Platform.Contracts.ToolCallKinds.All"/>.</summary>
    public static string? Kind(string? text, string field, QueryErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var kind = text.Trim().ToLowerInvariant();
        if (Platform.Contracts.ToolCallKinds.All.Contains(kind))
        {
            return kind;
        }
        errors.Add(field, $"Must be one of {string.Join(", ", Platform.Contracts.ToolCallKinds.All)}.");
        return null;
    }

    /// <summary>An outcome word such as <c>success</c> or <c>error</c>.</summary>
    public static string? Outcome(string? text, string field, QueryErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (OutcomeWord().IsMatch(text))
        {
            return text.ToLowerInvariant();
        }
        errors.Add(field, "Must be an outcome word of letters, '-' or '_' (for example success, error, denied, timeout).");
        return null;
    }

    public static int Limit(string? text, QueryErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (QueryLimit.TryParse(text, DefaultLimit, MaxLimit, out var limit, out var error))
        {
            return limit;
        }
        errors.Add("limit", error);
        return DefaultLimit;
    }

    /// <summary>Checks <c>from</c> is before <c>to</c> when both are given.</summary>
    public static void Range(DateTime? from, DateTime? to, QueryErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (from is { } start && to is { } end && start >= end)
        {
            errors.Add("to", "Must be later than from.");
        }
    }

    [GeneratedRegex("^[A-Za-z_-]{1,32}$")]
    private static partial Regex OutcomeWord();
}
