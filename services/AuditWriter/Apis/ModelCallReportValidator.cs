using Platform.AuditWriter.ModelCalls;
using Platform.AuditWriter.Queries;

namespace Platform.AuditWriter.Apis;

/// <summary>Checks a reported model call, naming each bad field.</summary>
public static class ModelCallReportValidator
{
    public const long MaxTokens = 100_000_000;

    /// <summary>How late a call may be reported, and how far a caller's clock may run ahead.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public static QueryErrors Validate(ModelCallReport report, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(report);
        var errors = new QueryErrors();
        Text(report.Model, "model", 200, required: true, errors);
        Text(report.Provider, "provider", 100, required: false, errors);
        Text(report.RequestId, "requestId", 200, required: false, errors);
        Tokens(report.InputTokens, "inputTokens", required: true, errors);
        Tokens(report.OutputTokens, "outputTokens", required: true, errors);
        Tokens(report.CachedTokens, "cachedTokens", required: false, errors);
        if (report.CachedTokens > report.InputTokens)
        {
            errors.Add("cachedTokens", "Must not exceed inputTokens (cached tokens are part of the input).");
        }
        if (report.Cost is null)
        {
            errors.Add("cost", "Is required (US dollars, 0 or more).");
        }
        else if (report.Cost is < 0 or > ModelCallRecordFactory.MaxCost)
        {
            errors.Add("cost", $"Must be from 0 to {ModelCallRecordFactory.MaxCost} US dollars.");
        }
        if (report.LatencyMs is < 0 or > 86_400_000)
        {
            errors.Add("latencyMs", "Must be from 0 to 86400000 milliseconds.");
        }
        if (report.OccurredAt is { } occurredAt && (occurredAt.UtcDateTime < now - MaxAge || occurredAt.UtcDateTime > now + MaxClockSkew))
        {
            errors.Add("occurredAt", "Must be within the last 7 days and not in the future.");
        }
        return errors;
    }

    private static void Text(string? value, string field, int maxLength, bool required, QueryErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, "Is required.");
            }
        }
        else if (value.Length > maxLength)
        {
            errors.Add(field, $"Must be at most {maxLength} characters.");
        }
    }

    private static void Tokens(long? value, string field, bool required, QueryErrors errors)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(field, "Is required (a count, 0 or more).");
            }
        }
        else if (value is < 0 or > MaxTokens)
        {
            errors.Add(field, $"Must be from 0 to {MaxTokens}.");
        }
    }
}
