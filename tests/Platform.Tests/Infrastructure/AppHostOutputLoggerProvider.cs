using Microsoft.Extensions.Logging;

namespace Platform.Tests.Infrastructure;

/// <summary>Sends every log line of the in-process AppHost (its own, and its resources' forwarded console) to an <see cref="AppHostOutput"/>.</summary>
public sealed class AppHostOutputLoggerProvider(AppHostOutput output) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new OutputLogger(output, categoryName);

    public void Dispose()
    {
    }

    private sealed class OutputLogger(AppHostOutput output, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            output.Append($"{logLevel} {category}: {formatter(state, exception)}");
            if (exception is not null)
            {
                output.Append(exception.ToString());
            }
        }
    }
}
