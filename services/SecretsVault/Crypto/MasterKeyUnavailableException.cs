namespace Platform.SecretsVault.Crypto;

/// <summary>A data key is wrapped by a master key version that is not configured (retired too early, or missing).</summary>
public sealed class MasterKeyUnavailableException : Exception
{
    public MasterKeyUnavailableException()
    {
    }

    public MasterKeyUnavailableException(string message)
        : base(message)
    {
    }

    public MasterKeyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MasterKeyUnavailableException(int version)
        : base($"Master key version {version} is not configured.")
    {
        Version = version;
    }

    public int Version { get; }
}
