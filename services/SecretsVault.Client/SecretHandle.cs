namespace Platform.SecretsVault.Client;

/// <summary>Names a stored secret and its current version; never carries material.</summary>
/// <param name="Kind"><c>encrypted</c>, <c>env</c> or <c>cloud</c> (see <see cref="SecretKinds"/>).</param>
public sealed record SecretHandle(Guid SecretId, int Version, string Kind);
