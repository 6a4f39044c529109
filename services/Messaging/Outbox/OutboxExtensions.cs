using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Messaging.Outbox;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wiring of a service's outbox: its store, the wake-up signal and the relay.</summary>
public static class OutboxExtensions
{
    /// <summary>
    /// Publishes what <typeparamref name="TStore"/> holds through the bus (add the bus with <c>AddEventBus</c>);
    /// the relay's pace is bound from <paramref name="sectionName"/> (<see cref="OutboxOptions"/>).
    /// </summary>
    public static IHostApplicationBuilder AddOutbox<TStore>(this IHostApplicationBuilder builder, string sectionName)
        where TStore : class, IOutboxStore
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionName);
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(sectionName)
            .Validate(options => options.IsValid, $"{sectionName} needs a positive batch size, poll interval, publish timeout, backoff and cleanup interval.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<TStore>();
        builder.Services.AddSingleton<IOutboxStore>(services => services.GetRequiredService<TStore>());
        builder.Services.AddHostedService<OutboxRelay>();
        return builder;
    }
}
