using Platform.IntegrationRegistry.Infrastructure;

namespace Platform.IntegrationRegistry.Secrets;

/// <summary>Wakes the vault secret revoker when a transaction queued secrets for revocation.</summary>
public sealed class SecretRevocationSignal : WakeUpSignal;
