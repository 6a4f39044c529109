using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Contracts;
using Platform.Messaging.Outbox;

namespace Platform.Messaging.Tests;

public sealed class OutboxRelayTests
{
    [Fact]
    public async Task Pending_events_are_published_under_their_own_ids_and_completed_as_confirmed()
    {
        var store = new RecordingStore(
            new OutboxMessage(Guid.NewGuid(), new CatalogChanged(Guid.NewGuid(), DateTime.UtcNow, "tenant-a", Guid.NewGuid(), null, "install-changed")),
            new OutboxMessage(Guid.NewGuid(), new CatalogChanged(Guid.NewGuid(), DateTime.UtcNow, "tenant-b", Guid.NewGuid(), null, "install-changed")));
        await using var provider = Services(store);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var relay = provider.GetServices<IHostedService>().OfType<OutboxRelay>().Single();

        await relay.StartAsync(CancellationToken.None);
        var completed = await store.Completed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await relay.StopAsync(CancellationToken.None);

        Assert.Equal([true, true], completed);
        foreach (var message in store.Messages)
        {
            Assert.True(await harness.Published.Any<CatalogChanged>(p => p.Context.MessageId == message.Id), $"event {message.Id} was not published under its id");
        }
    }

    [Fact]
    public async Task Unconfirmed_events_stay_pending_and_the_relay_goes_on()
    {
        var store = new RecordingStore(new OutboxMessage(Guid.NewGuid(), new CatalogChanged(Guid.NewGuid(), DateTime.UtcNow, "tenant-a", Guid.NewGuid(), null, "install-changed")));
        // A broker on a port nothing listens on: the publish cannot be confirmed within the publish timeout.
        await using var provider = Services(store, bus => bus.UsingRabbitMq((_, rabbit) => rabbit.Host("127.0.0.1", 1, "/", _ => { })));
        var relay = provider.GetServices<IHostedService>().OfType<OutboxRelay>().Single();

        await relay.StartAsync(CancellationToken.None);
        var completed = await store.Completed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await relay.StopAsync(CancellationToken.None);

        Assert.Equal([false], completed);
    }

    private static ServiceProvider Services(RecordingStore store, Action<IBusRegistrationConfigurator>? bus = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (bus is null)
        {
            services.AddMassTransitTestHarness();
        }
        else
        {
            services.AddMassTransit(bus);
        }
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOutboxStore>(store);
        services.AddOptions<OutboxOptions>().Configure(o => o.PublishTimeout = TimeSpan.FromSeconds(2));
        services.AddHostedService<OutboxRelay>();
        return services.BuildServiceProvider();
    }

    /// <summary>Hands out its messages once and records what the relay reported for them.</summary>
    private sealed class RecordingStore(params OutboxMessage[] messages) : IOutboxStore
    {
        private int _taken;

        public IReadOnlyList<OutboxMessage> Messages => messages;

        public TaskCompletionSource<IReadOnlyList<bool>> Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool RequiresReceiver => false;

        public Task<IOutboxBatch> TakeAsync(int max, CancellationToken cancellationToken) =>
            Task.FromResult<IOutboxBatch>(new Batch(Interlocked.Exchange(ref _taken, 1) == 0 ? messages : [], this));

        public Task DeleteExpiredAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private sealed class Batch(IReadOnlyList<OutboxMessage> messages, RecordingStore store) : IOutboxBatch
        {
            public IReadOnlyList<OutboxMessage> Messages => messages;

            public Task CompleteAsync(IReadOnlyList<bool> confirmed, CancellationToken cancellationToken)
            {
                if (messages.Count > 0)
                {
                    store.Completed.TrySetResult([.. confirmed]);
                }
                return Task.CompletedTask;
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
