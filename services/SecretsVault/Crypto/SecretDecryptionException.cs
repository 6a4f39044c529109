namespace Platform.SecretsVault.Crypto;

/// <summary>
/// A ciphertext or wrapped key failed GCM authentication: it belongs to another row, was tampered with, or the
/// master key under its version is not the one that wrapped it. Says nothing about the material.
/// </summary>
public sealed class SecretDecryptionException : Exception
{
    public SecretDecryptionException()
    {
    }

    public SecretDecryptionException(string message)
        : base(message)
    {
    }

    public SecretDecryptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
