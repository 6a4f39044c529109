namespace Platform.SecretsVault.Client;

/// <summary>Body of <c>POST /internal/secrets</c>: exactly one of the three forms' fields, matching <paramref name="Kind"/>.</summary>
public sealed record CreateSecretRequest(
    Guid TenantId,
    string Kind,
    string Purpose,
    string? Value = null,
    string? VariableName = null,
    string? SecretIdentifier = null)
{
    /// <summary>Keeps the material out of anything that prints the request.</summary>
    public override string ToString() => $"CreateSecretRequest {{ TenantId = {TenantId}, Kind = {Kind}, Purpose = {Purpose} }}";
}
