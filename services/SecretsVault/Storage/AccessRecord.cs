namespace Platform.SecretsVault.Storage;

/// <summary>One line of the vault's access log: who did what to which secret, and how it ended. Never material.</summary>
public sealed record AccessRecord(string Caller, string Operation, Guid? TenantId, Guid? SecretId, int? Version, string Outcome);
