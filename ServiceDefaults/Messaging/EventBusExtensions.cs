using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Contracts;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Messaging;

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

    /// <summary>
    /// The bus with publisher confirms, message retry, kebab-case endpoints configured from the registered
    /// consumers, a readiness check named <c>eventbus</c>, and a <c>ServiceStarted</c> announcement.
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
        builder.Services.TryAddSingleton(identity);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<ServiceStartedPublisher>();
        return builder;
    }
}
