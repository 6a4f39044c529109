using Platform.Tests.Infrastructure;

namespace Platform.Tests.Manifest;

/// <summary>Runs <c>AppHost --publisher manifest --output-path F</c> and reads what it wrote.</summary>
public static class ManifestFile
{
    public static async Task<string> PublishAsync() => System.Text.Encoding.UTF8.GetString(await PublishBytesAsync());

    /// <summary>
    /// Publishes beside the checked-in manifest, because project paths in a manifest are relative to its own
    /// folder: only a file written there can equal the checked-in one byte for byte. The file is removed after.
    /// </summary>
    public static async Task<byte[]> PublishBytesAsync()
    {
        var output = Path.Combine(RepositoryPaths.RepositoryRoot, $".aspire-manifest.{Guid.NewGuid():N}.test.json");
        try
        {
            await using var host = await AppHostProcess.RunAsync(TimeSpan.FromSeconds(60), "--publisher", "manifest", "--output-path", output);
            Assert.True(host.ExitCode == 0, $"the manifest publisher exited with {host.ExitCode}:{Environment.NewLine}{host.Output}");
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
