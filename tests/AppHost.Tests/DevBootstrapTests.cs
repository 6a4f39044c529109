using Platform.AppHost;

namespace Platform.AppHost.Tests;

public sealed class DevBootstrapTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("dev-bootstrap-").FullName;

    [Fact]
    public async Task A_later_start_only_names_the_existing_file_and_calls_nothing()
    {
        var path = Path.Combine(_dataDirectory, DevBootstrap.FileName);
        await File.WriteAllTextAsync(path, "{\"adminKey\":\"adm_kept\"}");
        var messages = new List<string>();

        await DevBootstrap.RunAsync(
            _dataDirectory,
            () => throw new InvalidOperationException("the gateway must not be called"),
            () => throw new InvalidOperationException("the operator key must not be read"),
            messages,
            CancellationToken.None);

        var message = Assert.Single(messages);
        Assert.Contains(path, message, StringComparison.Ordinal);
        Assert.Equal("{\"adminKey\":\"adm_kept\"}", await File.ReadAllTextAsync(path));
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);
}
