using System.Diagnostics;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// The built AppHost running as a child process of the test run (<c>dotnet AppHost.dll ...</c>), with its
/// console output kept in memory so a failure can show it. Nothing is echoed while things go well.
/// </summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private const int RetainedLines = 20_000;
    private const int ShownLines = 200;

    /// <summary>Variables that would make the AppHost use outside servers instead of its own isolated ones.</summary>
    private static readonly string[] InheritedVariablesToDrop = ["ConnectionStrings__postgres", "ConnectionStrings__eventbus"];

    private readonly Process _process;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    private AppHostProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Secret values to mask in <see cref="Output"/> once they are known (e.g. from endpoints.json).</summary>
    public IReadOnlyCollection<string> KnownSecrets { get; set; } = [];

    /// <summary>The last lines the AppHost wrote to stdout and stderr, with credentials masked.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return SecretRedactor.Redact(string.Join(Environment.NewLine, _lines.Skip(Math.Max(0, _lines.Count - ShownLines))), KnownSecrets);
            }
        }
    }

    /// <summary>Whether any retained line contains <paramref name="text"/>; answers without showing the output.</summary>
    public bool Wrote(string text)
    {
        lock (_gate)
        {
            return _lines.Any(l => l.Contains(text, StringComparison.Ordinal));
        }
    }

    public static AppHostProcess Start(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.RepositoryRoot,
        };
        startInfo.ArgumentList.Add(RepositoryPaths.AppHostAssembly);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var name in InheritedVariablesToDrop)
        {
            startInfo.Environment.Remove(name);
        }
        // Services inherit it: a parked tool call degrades the audit writer's health for seconds, not the default hour,
        // so a test that parks one on purpose leaves the platform healthy for the tests after it.
        startInfo.Environment["ParkedAlarm__Window"] = "00:00:15";
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var host = new AppHostProcess(process);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Runs the AppHost to completion (e.g. the manifest publisher) and returns it exited.</summary>
    public static async Task<AppHostProcess> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        var host = Start(arguments);
        if (!await host.WaitForExitAsync(timeout))
        {
            await host.DisposeAsync();
            throw new TimeoutException($"The AppHost did not finish within {timeout.TotalSeconds:0} s. Its output:{Environment.NewLine}{host.Output}");
        }
        return host;
    }

    public void Signal(int signal) => UnixSignal.Send(Pid, signal);

    /// <summary>True if the process exited within the timeout (its output fully read).</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Stops the AppHost as Ctrl+C would (SIGTERM); SIGKILL only if it ignores that for a minute.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signal(UnixSignal.SigTerm);
            if (!await WaitForExitAsync(TimeSpan.FromSeconds(60)))
            {
                _process.Kill(entireProcessTree: true);
                await WaitForExitAsync(TimeSpan.FromSeconds(10));
            }
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            _lines.Enqueue(line);
            if (_lines.Count > RetainedLines)
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>The dotnet host running the tests (set by the SDK), so the AppHost runs on the same runtime.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
}
