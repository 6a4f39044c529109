namespace Platform.IntegrationRegistry.Secrets;

/// <summary>
/// The outcome of writing secrets to the vault: the handles by role, or field errors (the vault refused a value
/// or reference), or <see cref="VaultUnavailable"/>. Never carries material.
/// </summary>
public sealed record SecretWriteResult(
    IReadOnlyDictionary<string, Guid> Handles,
    IDictionary<string, string[]>? Errors = null,
    bool VaultUnavailable = false)
{
    public bool Succeeded => Errors is null && !VaultUnavailable;
}
