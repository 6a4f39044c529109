using System.Text.Json;

namespace Platform.AppHost;

/// <summary>Files the AppHost writes into the data folder.</summary>
internal static class DataFiles
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes a file only its owner can read (0600), replacing it atomically.</summary>
    public static void WriteSecretFile(string path, string contents)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(contents);
        }
        File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Creates a folder only its owner can enter (0700).</summary>
    public static DirectoryInfo CreatePrivateDirectory(string path) =>
        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
}
