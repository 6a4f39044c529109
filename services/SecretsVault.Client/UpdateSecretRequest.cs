namespace Platform.SecretsVault.Client;

/// <summary>Body of <c>POST /internal/tenants/{tenantId}/secrets/{secretId}/versions</c>: the new material.</summary>
public sealed record UpdateSecretRequest(string Value)
{
    /// <summary>Keeps the material out of anything that prints the request.</summary>
    public override string ToString() => "UpdateSecretRequest { Value = *** }";
}
