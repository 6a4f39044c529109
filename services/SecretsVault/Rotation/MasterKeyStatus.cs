namespace Platform.SecretsVault.Rotation;

/// <summary>
/// The key hierarchy's state, for the operator: the version new writes use, the configured versions, live data
/// keys per version, and the configured versions that wrap nothing any more (safe to retire). No key values.
/// </summary>
public sealed record MasterKeyStatus(
    int CurrentVersion,
    IReadOnlyList<int> ConfiguredVersions,
    IReadOnlyList<DataKeyCount> DataKeys,
    IReadOnlyList<int> RetirableVersions);
