namespace Platform.SecretsVault.Rotation;

/// <summary>How many live data keys one master key version wraps, and whether that version is configured.</summary>
public sealed record DataKeyCount(int MasterKeyVersion, long DataKeys, bool Configured);
