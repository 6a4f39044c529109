namespace Platform.SecretsVault.Rotation;

/// <summary>
/// What a rewrap did: data keys moved to <paramref name="ToVersion"/>; keys skipped because their row changed
/// meanwhile (updated or revoked: nothing left to move); keys that failed authentication; and the state after.
/// </summary>
public sealed record RewrapReport(int ToVersion, int Rewrapped, int Skipped, int Failed, MasterKeyStatus Status);
