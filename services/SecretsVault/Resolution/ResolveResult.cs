using Platform.SecretsVault.Client;

namespace Platform.SecretsVault.Resolution;

/// <summary>A resolve's outcome (one of <see cref="Storage.AccessOutcomes"/>) and, only when it is "ok", the secret.</summary>
public sealed record ResolveResult(string Outcome, ResolvedSecret? Secret);
