namespace Platform.Hosting;

/// <summary>
/// Runs one resource instance as a process: starts it, waits until its probe says healthy, then keeps probing,
/// and restarts it with exponential backoff when it exits unexpectedly.
/// </summary>
internal sealed class SupervisedProcess(
    ResourceInstanceState state,
    ProcessSpec spec,
    Func<CancellationToken, Task<HealthResult>> probe,
    ProcessReaper reaper,
    AppHostConsole console,
    int stopSignal = PosixSignals.SIGTERM)
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan HealthInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private ManagedProcess? _process;
    private Task? _monitor;
    private int _failures;

    /// <summary>Returns once the instance is healthy; throws if it cannot get there in time.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        timeout.CancelAfter(StartupTimeout);
        try
        {
            await LaunchUntilHealthyAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !_stopping.IsCancellationRequested)
        {
            state.SetState(ResourceStates.Failed);
            throw new ResourceStartException(state.Name, $"did not become healthy within {StartupTimeout.TotalSeconds:0} s", state);
        }
        _monitor = Task.Run(() => MonitorAsync(_stopping.Token));
    }

    public async Task StopAsync(TimeSpan grace)
    {
        await _stopping.CancelAsync();
        if (_monitor is not null)
        {
            await _monitor;
        }
        if (_process is { } process)
        {
            state.SetState(ResourceStates.Stopping);
            await process.StopAsync(stopSignal, grace);
            state.MarkExited(process.Exited.IsCompletedSuccessfully ? process.Exited.Result : null);
            process.Dispose();
        }
        state.SetState(ResourceStates.Stopped);
    }

    private async Task LaunchUntilHealthyAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            _process?.Dispose();
            _process = ManagedProcess.Start(spec, state, reaper);
            state.MarkStarted(_process.Pid);
            state.SetState(ResourceStates.Starting);
            if (await WaitHealthyAsync(_process, cancellationToken))
            {
                state.SetState(ResourceStates.Running);
                return;
            }
            int exitCode = await _process.Exited;
            state.MarkExited(exitCode);
            state.SetState(ResourceStates.Exited);
            var lastError = state.RecentLogs(50).LastOrDefault(l => l.IsError && !l.Text.TrimStart().StartsWith("at ", StringComparison.Ordinal))?.Text;
            console.Line(state.Name, lastError is null
                ? $"exited with code {exitCode} while starting; restarting"
                : $"exited with code {exitCode} while starting ({lastError}); restarting");
            await BackoffAsync(cancellationToken);
            state.MarkRestart();
        }
    }

    /// <summary>Probes until healthy (true) or until the process exits (false).</summary>
    private async Task<bool> WaitHealthyAsync(ManagedProcess process, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (!process.Exited.IsCompleted)
        {
            var health = await probe(cancellationToken);
            state.SetHealth(health);
            if (health.Healthy)
            {
                return true;
            }
            await Task.WhenAny(process.Exited, Task.Delay(delay, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 1.5, 1000));
        }
        return false;
    }

    private async Task MonitorAsync(CancellationToken stopping)
    {
        var healthySince = DateTimeOffset.UtcNow;
        while (!stopping.IsCancellationRequested)
        {
            var process = _process!;
            try
            {
                await Task.WhenAny(process.Exited, Task.Delay(HealthInterval, stopping));
                if (stopping.IsCancellationRequested)
                {
                    return;
                }
                if (!process.Exited.IsCompleted)
                {
                    var health = await probe(stopping);
                    state.SetHealth(health);
                    state.SetState(health.Healthy ? ResourceStates.Running : ResourceStates.Unhealthy);
                    if (health.Healthy && DateTimeOffset.UtcNow - healthySince > StableAfter)
                    {
                        _failures = 0;
                    }
                    continue;
                }
                state.MarkExited(process.Exited.Result);
                state.SetState(ResourceStates.Exited);
                console.Line(state.Name, $"exited unexpectedly with code {process.Exited.Result}; restarting");
                await BackoffAsync(stopping);
                state.MarkRestart();
                await LaunchUntilHealthyAsync(stopping);
                healthySince = DateTimeOffset.UtcNow;
                console.Line(state.Name, "restarted and healthy");
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private Task BackoffAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, _failures), MaxBackoff.TotalSeconds));
        _failures++;
        state.SetState(ResourceStates.Restarting);
        return Task.Delay(delay, cancellationToken);
    }
}
