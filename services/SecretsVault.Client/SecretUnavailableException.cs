namespace Platform.SecretsVault.Client;

/// <summary>The vault cannot give this secret's material. The message names the secret id and the reason, never material.</summary>
public sealed class SecretUnavailableException : Exception
{
    public SecretUnavailableException()
        : this(Guid.Empty, SecretUnavailableReason.NotFound)
    {
    }

    public SecretUnavailableException(string message)
        : base(message)
    {
    }

    public SecretUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SecretUnavailableException(Guid secretId, SecretUnavailableReason reason)
        : base($"Secret {secretId} is unavailable ({Describe(reason)}).")
    {
        SecretId = secretId;
        Reason = reason;
    }

    public Guid SecretId { get; }

    public SecretUnavailableReason Reason { get; }

    private static string Describe(SecretUnavailableReason reason) => reason switch
    {
        SecretUnavailableReason.Revoked => "revoked",
        SecretUnavailableReason.SourceUnavailable => "its source could not provide it",
        SecretUnavailableReason.Refused => "refused for this service or tenant",
        _ => "not found",
    };
}
