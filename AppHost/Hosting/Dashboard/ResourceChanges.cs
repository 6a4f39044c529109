using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Platform.Hosting;

/// <summary>Turns the store's change notifications into a paced sequence of snapshots.</summary>
internal static class ResourceChanges
{
    /// <summary>A start storm changes the store hundreds of times a second; a browser needs a few frames.</summary>
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The current snapshot, then a new one after each change, at most four a second; never ends by itself.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<ResourceSnapshot>> WatchAsync(
        ResourceStateStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        void OnChanged() => changed.Writer.TryWrite(true);
        store.Changed += OnChanged;
        try
        {
            while (true)
            {
                var version = store.Version;
                yield return store.Snapshot();
                await Task.Delay(MinimumInterval, cancellationToken);
                // A change after the version was read either shows in Version or leaves a signal in the channel.
                if (store.Version == version)
                {
                    await changed.Reader.ReadAsync(cancellationToken);
                }
                changed.Reader.TryRead(out _);
            }
        }
        finally
        {
            store.Changed -= OnChanged;
        }
    }
}
