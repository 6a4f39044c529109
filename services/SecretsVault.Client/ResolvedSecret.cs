namespace Platform.SecretsVault.Client;

/// <summary>Body of a successful resolve; the only response that ever carries material.</summary>
public sealed record ResolvedSecret(Guid SecretId, int Version, string Kind, string Value)
{
    /// <summary>Keeps the material out of logs and exception messages that print records.</summary>
    public override string ToString() => $"ResolvedSecret {{ SecretId = {SecretId}, Version = {Version}, Kind = {Kind} }}";
}
