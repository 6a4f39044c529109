using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>Feeds the host's log records into the OpenTelemetry SDK's own logger factory.</summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

    // The SDK owns the factory and disposes it with itself.
    public void Dispose()
    {
    }
}
