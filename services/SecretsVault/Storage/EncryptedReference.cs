using Platform.SecretsVault.Client;
using Platform.SecretsVault.Crypto;

namespace Platform.SecretsVault.Storage;

/// <summary>The encrypted form: ciphertext and wrapped data key.</summary>
public sealed record EncryptedReference(SealedSecret Sealed) : SecretReference(SecretKinds.Encrypted);
