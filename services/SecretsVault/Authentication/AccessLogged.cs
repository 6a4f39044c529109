namespace Platform.SecretsVault.Authentication;

/// <summary>Endpoint metadata: a refused call to this endpoint still leaves an access record for <see cref="Operation"/>.</summary>
public sealed record AccessLogged(string Operation);
