namespace Platform.SecretsVault.Storage;

/// <summary>How a write to an existing secret (new version, revoke) went.</summary>
public enum WriteOutcome
{
    Done,
    NotFound,
    Revoked,

    /// <summary>The secret is not of the encrypted form, so it takes no new material.</summary>
    NotEncrypted,

    /// <summary>The caller may not write or revoke a secret of this purpose.</summary>
    Refused,
}
