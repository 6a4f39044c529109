using System.Globalization;
using Platform.AuditWriter.Ingest;
using Platform.Contracts;
using Platform.ServiceDefaults.Http;

namespace Platform.AuditWriter.Queries;

/// <summary>Parses query-string values, recording a readable error per bad field instead of failing.</summary>
public static class QueryValues
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

    /// <summary>A GUID; the error names <paramref name="nameField"/>, the filter by name, when there is one.</summary>
    public static Guid? Guid(string? text, string field, QueryErrors errors, string? nameField = null)
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
        errors.Add(field, nameField is null ? "Must be a GUID." : $"Must be an id (a GUID); to filter by name use {nameField}.");
        return null;
    }

    /// <summary>
    /// An agent or identity id (a GUID), in the spelling ids are stored with; anything else is an error that points
    /// to the filter by name (<paramref name="nameField"/>), since a slug or name here would silently match nothing.
    /// </summary>
    public static string? Identifier(string? text, string field, string nameField, QueryErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (System.Guid.TryParse(text, out var guid))
        {
            return guid.ToString("D");
        }
        errors.Add(field, $"Must be an id (a GUID); to filter by name use {nameField}.");
        return null;
    }

    /// <summary>An agent's slug (<c>[a-z0-9-]</c>, at most 40 characters; compared in lower case).</summary>
    public static string? AgentSlug(string? text, string field, QueryErrors errors) =>
        Checked(text?.Trim().ToLowerInvariant(), field, CallerNames.IsAgentSlug, "Must be an agent slug: 1 to 40 of a-z, 0-9 and '-'.", errors);

    /// <summary>An install's slug, or <c>agent.&lt;slug&gt;</c> for calls to another agent.</summary>
    public static string? InstallSlug(string? text, string field, QueryErrors errors) =>
        Checked(text?.Trim().ToLowerInvariant(), field, CallerNames.IsInstallSlug,
            "Must be an install slug (1 to 40 of a-z, 0-9 and '-'), or agent.<slug> for calls to another agent.", errors);

    private static string? Checked(string? value, string field, Func<string, bool> valid, string message, QueryErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (valid(value))
        {
            return value;
        }
        errors.Add(field, message);
        return null;
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

    /// <summary>One of <see cref="ToolCallOutcomes.All"/> (any case).</summary>
    public static string? Outcome(string? text, string field, QueryErrors errors) =>
        Checked(text?.Trim().ToLowerInvariant(), field, ToolCallOutcomes.All.Contains, $"Must be one of {string.Join(", ", ToolCallOutcomes.All)}.", errors);

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
}
