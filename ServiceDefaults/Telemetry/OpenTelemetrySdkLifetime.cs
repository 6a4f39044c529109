using Microsoft.Extensions.Hosting;
using OpenTelemetry;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// Owns the SDK for the host: resolved at start so the container tracks it, disposed with the container,
/// after every other hosted service has stopped, which flushes the last spans, metrics and logs.
/// </summary>
internal sealed class OpenTelemetrySdkLifetime(OpenTelemetrySdk sdk) : IHostedService, IDisposable
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => sdk.Dispose();
}
