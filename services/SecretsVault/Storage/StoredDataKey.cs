using Platform.SecretsVault.Crypto;

namespace Platform.SecretsVault.Storage;

/// <summary>One live wrapped data key, as the rewrap reads it (no ciphertext).</summary>
public sealed record StoredDataKey(SecretBinding Binding, WrappedDataKey DataKey);
