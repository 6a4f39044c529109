namespace Platform.AuditWriter.Ingest;

/// <summary>
/// A record that can never be stored: the message goes to the endpoint's error queue with this message as the
/// reason. Messages name fields and event ids only, never values (which could hold secrets).
/// </summary>
public sealed class RejectedRecordException : Exception
{
    public RejectedRecordException()
    {
    }

    public RejectedRecordException(string message)
        : base(message)
    {
    }

    public RejectedRecordException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
