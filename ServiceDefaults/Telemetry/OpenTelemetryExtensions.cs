using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// OpenTelemetry without <c>OpenTelemetry.Extensions.Hosting</c> (missing here): one SDK instance
/// built with <see cref="OpenTelemetrySdk.Create"/>, its logger factory fed by the host's logging,
/// disposed (and so flushed) when the host's container is disposed.
/// </summary>
public static class OpenTelemetryExtensions
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Built-in activity sources of the libraries we use; no instrumentation packages needed.</summary>
    public static readonly IReadOnlyList<string> ActivitySources = ["Microsoft.AspNetCore", "System.Net.Http", "Npgsql", "MassTransit"];

    public static readonly IReadOnlyList<string> Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "System.Net.Http",
        "System.Net.NameResolution",
        "System.Runtime",
        "Npgsql",
        "MassTransit",
    ];

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var identity = ServiceIdentity.Create(builder.Configuration, builder.Environment);
        var ownSource = builder.Environment.ApplicationName;
        var exportOtlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]);
        var configuration = builder.Configuration;

        var sdk = OpenTelemetrySdk.Create(otel =>
        {
            otel.ConfigureResource(resource => resource.AddService(identity.Service, serviceVersion: identity.Version, serviceInstanceId: identity.Instance))
                .WithTracing(tracing => tracing.AddSource([.. ActivitySources, ownSource]))
                .WithMetrics(metrics => metrics.AddMeter([.. Meters, ownSource]))
                .WithLogging(configureBuilder: null, configureOptions: options =>
                {
                    options.IncludeFormattedMessage = true;
                    options.IncludeScopes = true;
                });
            // The application's configuration, so OTEL_* set in any source (not only the environment) apply.
            otel.Services.AddSingleton<IConfiguration>(configuration);
            if (exportOtlp)
            {
                otel.UseOtlpExporter();
            }
        });

        builder.Logging.AddProvider(new ForwardingLoggerProvider(sdk.GetLoggerFactory()));
        builder.Services.AddHostedService(_ => new OpenTelemetrySdkLifetime(sdk));
        return builder;
    }
}
