using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Platform.Contracts;
using Platform.Messaging;
using Platform.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

/// <summary>MassTransit over RabbitMQ on the <c>eventbus</c> connection string.</summary>
public static class EventBusExtensions
{
    public const string ConnectionName = "eventbus";

    /// <summary>
    /// The durable queue that collects <c>ServiceStarted</c>. Publishers declare and bind it themselves, so an
    /// announcement made before the consumer (audit-writer) first starts is kept rather than dropped.
    /// </summary>
    public const string ServiceLifecycleQueue = "service-lifecycle";

    /// <summary>MassTransit's own activity source and meter: publish, send and consume spans and counters.</summary>
    public const string TelemetrySource = "MassTransit";

    /// <summary>
    /// The bus with publisher confirms, message retry, kebab-case endpoints configured from the registered
    /// consumers, a readiness check named <c>eventbus</c>, a <c>ServiceStarted</c> announcement, traces and
    /// metrics on OpenTelemetry, and no usage report to MassTransit's servers (the platform calls nothing on the
    /// internet that its operator did not configure).
    /// </summary>
    public static TBuilder AddEventBus<TBuilder>(this TBuilder builder, Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Connection string '{ConnectionName}' is missing: set ConnectionStrings__{ConnectionName}=amqp://user:password@host:port.");
        }
        var connection = EventBusConnection.Parse(connectionString);
        var identity = ServiceIdentity.Create(builder.Configuration, builder.Environment);

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.ConfigureUsageTelemetryOptions(telemetry => telemetry.Enabled = false);
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = ConnectionName;
                health.MinimalFailureStatus = HealthStatus.Unhealthy;
                health.Tags.Add(Extensions.ReadyTag);
            });
            configureConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(connection.Host, connection.Port, connection.VirtualHost, $"{identity.Service}/{identity.Instance}", host =>
                {
                    host.Username(connection.Username);
                    host.Password(connection.Password);
                    host.PublisherConfirmation = true;
                    if (connection.UseTls)
                    {
                        host.UseSsl(ssl => ssl.ServerName = connection.Host);
                    }
                });
                rabbit.Publish<ServiceStarted>(topology => topology.BindQueue(topology.Exchange.ExchangeName, ServiceLifecycleQueue));
                rabbit.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(300)));
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(TelemetrySource))
            .WithMetrics(metrics => metrics.AddMeter(TelemetrySource));
        builder.Services.TryAddSingleton(identity);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<ServiceStartedPublisher>();
        return builder;
    }
}
