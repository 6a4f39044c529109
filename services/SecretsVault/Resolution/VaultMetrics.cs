using System.Diagnostics.Metrics;

namespace Platform.SecretsVault.Resolution;

/// <summary>The vault's own instruments; tags are kinds, outcomes and caller names only.</summary>
public sealed class VaultMetrics
{
    /// <summary>The meter's name: the application's name, which ServiceDefaults exports.</summary>
    public const string MeterName = "SecretsVault";

    private readonly Counter<long> _resolves;
    private readonly Counter<long> _writes;

    public VaultMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _resolves = meter.CreateCounter<long>("vault.secret.resolves", description: "Secret resolves by kind and outcome.");
        _writes = meter.CreateCounter<long>("vault.secret.writes", description: "Secret creates, updates and revokes by outcome.");
    }

    public void Resolved(string caller, string? kind, string outcome) =>
        _resolves.Add(1, new("caller", caller), new("kind", kind ?? "unknown"), new("outcome", outcome));

    public void Written(string caller, string operation, string outcome) =>
        _writes.Add(1, new("caller", caller), new("operation", operation), new("outcome", outcome));
}
