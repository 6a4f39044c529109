using Platform.OAuthProbe;

namespace Platform.OAuth.Tests.Probe;

/// <summary>One run of the probe's code (what <c>dotnet run --project tools/OAuthProbe</c> runs), its output captured.</summary>
public sealed class ProbeRun
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly TextWriter _syncOutput;
    private readonly TextWriter _syncError;

    private ProbeRun(string[] args)
    {
        _syncOutput = TextWriter.Synchronized(_output);
        _syncError = TextWriter.Synchronized(_error);
        Completion = Task.Run(() => new ProbeRunner(_syncOutput, _syncError).RunAsync(args, CancellationToken.None));
    }

    public Task<int> Completion { get; }

    public int ExitCode { get; private set; } = -1;

    public string Output
    {
        get
        {
            lock (_syncOutput)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_syncError)
            {
                return _error.ToString();
            }
        }
    }

    public static ProbeRun Start(params string[] args) => new(args);

    public static async Task<ProbeRun> RunAsync(params string[] args)
    {
        var run = new ProbeRun(args);
        run.ExitCode = await run.Completion.WaitAsync(TimeSpan.FromSeconds(60));
        return run;
    }
}
