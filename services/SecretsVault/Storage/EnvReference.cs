using Platform.SecretsVault.Client;

namespace Platform.SecretsVault.Storage;

/// <summary>The env form: a variable name of the vault process.</summary>
public sealed record EnvReference(string VariableName) : SecretReference(SecretKinds.Env);
