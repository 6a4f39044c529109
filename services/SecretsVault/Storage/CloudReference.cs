using Platform.SecretsVault.Client;
using Platform.SecretsVault.Sources;

namespace Platform.SecretsVault.Storage;

/// <summary>The cloud form: an Azure Key Vault secret identifier.</summary>
public sealed record CloudReference(CloudSecretIdentifier Identifier) : SecretReference(SecretKinds.Cloud);
