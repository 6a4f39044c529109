using Microsoft.Extensions.Logging;

namespace Platform.OAuthProbe;

/// <summary>
/// Prints the engine's and the outbound policy's log lines as the probe's steps. The engine logs no token, so
/// neither does the probe.
/// </summary>
internal sealed class StepLogger<T>(TextWriter output) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            output.WriteLine($"  {(logLevel >= LogLevel.Warning ? "!" : "-")} {formatter(state, exception)}");
        }
    }
}
