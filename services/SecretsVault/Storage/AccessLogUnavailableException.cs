namespace Platform.SecretsVault.Storage;

/// <summary>An access record could not be committed; the operation it records must not answer with material.</summary>
public sealed class AccessLogUnavailableException : Exception
{
    public AccessLogUnavailableException()
        : base("The access record could not be written.")
    {
    }

    public AccessLogUnavailableException(string message)
        : base(message)
    {
    }

    public AccessLogUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
