namespace Platform.Database;

/// <summary>An applied migration's script changed; the fix is a new migration, never an edit.</summary>
public sealed class MigrationChecksumException(int version, string name, string appliedChecksum, string currentChecksum)
    : InvalidOperationException(
        $"Migration {version:D4}_{name} was changed after it was applied (checksum {appliedChecksum} in schema_migrations, " +
        $"{currentChecksum} in this build). Restore the original script and add a new migration instead.")
{
    public int Version { get; } = version;
}
