namespace Platform.SecretsVault.Crypto;

/// <summary>
/// The stored form of an encrypted secret version: AES-256-GCM ciphertext, nonce and tag under a data key, and
/// that data key wrapped by master key <paramref name="MasterKeyVersion"/> (<see cref="WrappedDataKey"/>).
/// </summary>
public sealed record SealedSecret(byte[] Ciphertext, byte[] Nonce, byte[] Tag, WrappedDataKey DataKey);
