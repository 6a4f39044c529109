namespace Platform.SecretsVault.Storage;

/// <summary>A secret to insert as version 1.</summary>
public sealed record NewSecret(Guid Id, Guid TenantId, string Purpose, string CreatedBy, SecretReference Reference);
