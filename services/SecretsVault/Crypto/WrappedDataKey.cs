namespace Platform.SecretsVault.Crypto;

/// <summary>A 256-bit data key encrypted (AES-256-GCM) by one master key version: nonce ‖ encrypted key ‖ tag.</summary>
public sealed record WrappedDataKey(byte[] Wrapped, int MasterKeyVersion)
{
    public const int Length = EnvelopeCipher.NonceSize + EnvelopeCipher.KeySize + EnvelopeCipher.TagSize;
}
