using System.Security.Cryptography;
using System.Text;

namespace Platform.SecretsVault.Crypto;

/// <summary>
/// AES-256-GCM envelope encryption: every secret version gets a fresh random 256-bit data key; the data key is
/// wrapped (AES-256-GCM) by the current master key. Both layers take the <see cref="SecretBinding"/> as associated
/// data. Plaintext buffers and data keys are zeroed as soon as they are used.
/// </summary>
public sealed class EnvelopeCipher(MasterKeyRing keys)
{
    public const int KeySize = 32;
    public const int NonceSize = 12;
    public const int TagSize = 16;

    public MasterKeyRing Keys { get; } = keys;

    public SealedSecret Seal(SecretBinding binding, string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var dataKey = RandomNumberGenerator.GetBytes(KeySize);
        var material = Encoding.UTF8.GetBytes(plaintext);
        try
        {
            var nonce = RandomNumberGenerator.GetBytes(NonceSize);
            var ciphertext = new byte[material.Length];
            var tag = new byte[TagSize];
            using (var aes = new AesGcm(dataKey, TagSize))
            {
                aes.Encrypt(nonce, material, ciphertext, tag, binding.SecretAssociatedData());
            }
            return new SealedSecret(ciphertext, nonce, tag, Wrap(binding, dataKey, Keys.CurrentVersion));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <exception cref="MasterKeyUnavailableException">The wrapping master key version is not configured.</exception>
    /// <exception cref="SecretDecryptionException">Authentication failed (other row, tampering, wrong master key).</exception>
    public string Open(SecretBinding binding, SealedSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var dataKey = Unwrap(binding, secret.DataKey);
        var material = new byte[secret.Ciphertext.Length];
        try
        {
            using var aes = new AesGcm(dataKey, TagSize);
            aes.Decrypt(secret.Nonce, secret.Ciphertext, secret.Tag, material, binding.SecretAssociatedData());
            return Encoding.UTF8.GetString(material);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new SecretDecryptionException($"Secret {binding.SecretId} version {binding.Version} failed authentication.", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>
    /// Moves a data key to the current master key without touching the secret's ciphertext: the secret's plaintext
    /// is never produced, only the data key, for the moment it takes to wrap it again.
    /// </summary>
    public WrappedDataKey Rewrap(SecretBinding binding, WrappedDataKey wrapped)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        if (wrapped.MasterKeyVersion == Keys.CurrentVersion)
        {
            return wrapped;
        }
        var dataKey = Unwrap(binding, wrapped);
        try
        {
            return Wrap(binding, dataKey, Keys.CurrentVersion);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private WrappedDataKey Wrap(SecretBinding binding, byte[] dataKey, int masterKeyVersion)
    {
        var wrapped = new byte[WrappedDataKey.Length];
        var nonce = wrapped.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Keys.KeyFor(masterKeyVersion), TagSize);
        aes.Encrypt(nonce, dataKey, wrapped.AsSpan(NonceSize, KeySize), wrapped.AsSpan(NonceSize + KeySize, TagSize),
            binding.DataKeyAssociatedData(masterKeyVersion));
        return new WrappedDataKey(wrapped, masterKeyVersion);
    }

    private byte[] Unwrap(SecretBinding binding, WrappedDataKey wrapped)
    {
        if (wrapped.Wrapped.Length != WrappedDataKey.Length)
        {
            throw new SecretDecryptionException($"Secret {binding.SecretId} version {binding.Version} has a malformed wrapped key.");
        }
        var dataKey = new byte[KeySize];
        var source = wrapped.Wrapped.AsSpan();
        try
        {
            using var aes = new AesGcm(Keys.KeyFor(wrapped.MasterKeyVersion), TagSize);
            aes.Decrypt(source[..NonceSize], source.Slice(NonceSize, KeySize), source.Slice(NonceSize + KeySize, TagSize), dataKey,
                binding.DataKeyAssociatedData(wrapped.MasterKeyVersion));
            return dataKey;
        }
        catch (AuthenticationTagMismatchException ex)
        {
            CryptographicOperations.ZeroMemory(dataKey);
            throw new SecretDecryptionException($"The data key of secret {binding.SecretId} version {binding.Version} failed authentication.", ex);
        }
    }
}
