namespace Platform.Database;

/// <summary>How long the migrator waits for the database at start (section <c>Migrations</c>).</summary>
public sealed class MigrationOptions
{
    public const string SectionName = "Migrations";

    /// <summary>Give up (and fail the start) when the database is still unreachable after this long.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
