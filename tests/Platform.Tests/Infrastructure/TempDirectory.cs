namespace Platform.Tests.Infrastructure;

/// <summary>A private folder under /tmp for one platform's data, removed on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    private TempDirectory(string path) => Path = path;

    public string Path { get; }

    /// <summary>
    /// Short names keep PostgreSQL's socket path under its 107-byte limit. The folder is world-traversable
    /// (0755) because PostgreSQL runs as the <c>postgres</c> user and must reach its own folder inside it.
    /// </summary>
    public static TempDirectory Create()
    {
        var parent = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "platform-tests");
        Directory.CreateDirectory(parent);
        var path = System.IO.Path.Combine(parent, Guid.NewGuid().ToString("N")[..10]);
        const UnixFileMode traversable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        Directory.CreateDirectory(path, traversable);
        File.SetUnixFileMode(parent, traversable);
        return new TempDirectory(path);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover folder under /tmp is harmless; failing the run over it would hide the real result.
        }
    }
}
