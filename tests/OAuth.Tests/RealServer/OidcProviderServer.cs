using System.Diagnostics;
using System.Text.Json;

namespace Platform.OAuth.Tests.RealServer;

/// <summary>
/// oidc-provider (npm) in a Node child process on a free loopback port: tests/TestServers/oidc-provider/server.mjs,
/// whose packages scripts/prerequisites.sh installs with <c>npm ci</c>. Stopped by closing its standard input.
/// </summary>
public sealed class OidcProviderServer : IAsyncDisposable
{
    private readonly Process _process;

    private OidcProviderServer(Process process, string issuer)
    {
        _process = process;
        Issuer = issuer;
    }

    public string Issuer { get; }

    public static async Task<OidcProviderServer> StartAsync()
    {
        var directory = Path.Combine(RepositoryRoot(), "tests", "TestServers", "oidc-provider");
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException($"oidc-provider is not installed in {directory}: run scripts/prerequisites.sh (it runs npm ci there).");
        }
        var start = new ProcessStartInfo("node", "server.mjs")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith('{'))
                {
                    var issuer = JsonDocument.Parse(line).RootElement.GetProperty("issuer").GetString()!;
                    // Keep draining stdout so the child never blocks on a full pipe.
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return new OidcProviderServer(process, issuer);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        process.Kill(entireProcessTree: true);
        process.Dispose();
        throw new InvalidOperationException("oidc-provider did not report its issuer within 30 s.");
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
