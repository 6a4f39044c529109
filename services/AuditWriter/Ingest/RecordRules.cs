namespace Platform.AuditWriter.Ingest;

/// <summary>Checks shared by both streams. Failures name the field and the event, never the value.</summary>
public static class RecordRules
{
    /// <summary>Before this nothing could have happened on the platform; a default <see cref="DateTime"/> lands here.</summary>
    public static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>How far a publisher's clock may run ahead of ours.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromDays(1);

    public static string Required(string? value, string field, int maxLength, string eventName, Guid id)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new RejectedRecordException($"{eventName} {id} has no {field}.");
        }
        return Optional(value, field, maxLength, eventName, id)!;
    }

    public static string? Optional(string? value, string field, int maxLength, string eventName, Guid id)
    {
        if (value is not null && value.Length > maxLength)
        {
            throw new RejectedRecordException($"{eventName} {id}: {field} is longer than {maxLength} characters.");
        }
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Identifiers that are GUIDs are stored in one spelling, so filters match however the publisher wrote them.</summary>
    public static string Identifier(string? value, string field, string eventName, Guid id, bool required = true)
    {
        var text = required ? Required(value, field, 128, eventName, id) : Optional(value, field, 128, eventName, id) ?? string.Empty;
        return Guid.TryParse(text, out var guid) ? guid.ToString("D") : text.Trim();
    }

    public static long NotNegative(long value, string field, string eventName, Guid id) =>
        value >= 0 ? value : throw new RejectedRecordException($"{eventName} {id}: {field} is negative.");

    /// <summary>A UTC instant between <see cref="Earliest"/> and now plus the allowed skew.</summary>
    public static DateTime Instant(DateTime value, string field, DateTime now, string eventName, Guid id)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            // Unspecified from the wire is UTC by contract.
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
        if (utc < Earliest || utc > now + AllowedClockSkew)
        {
            throw new RejectedRecordException($"{eventName} {id}: {field} is outside the accepted range.");
        }
        return utc;
    }

    public static void RequireId(Guid id, string eventName)
    {
        if (id == Guid.Empty)
        {
            throw new RejectedRecordException($"{eventName} has no id.");
        }
    }

    public static void RequireRetained(DateTime occurredAt, DateTime cutoff, string eventName, Guid id)
    {
        if (occurredAt < cutoff)
        {
            throw new RejectedRecordException($"{eventName} {id} is older than the retention period and would be dropped at once.");
        }
    }
}
