namespace Platform.SecretsVault.Storage;

/// <summary>What one secret version holds: exactly one of the three forms (the database's CHECK says the same).</summary>
public abstract record SecretReference(string Kind);
