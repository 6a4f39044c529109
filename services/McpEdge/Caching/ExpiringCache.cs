using System.Collections.Concurrent;

namespace Platform.McpEdge.Caching;

/// <summary>
/// Async values by key, each kept until its own expiry. Concurrent misses share one load; a failed load is not
/// kept. Invalidation bumps a generation so a load that was in flight when its key was dropped is not put back.
/// </summary>
public sealed class ExpiringCache<TKey, TValue>(TimeProvider timeProvider, int maxEntries = 50_000)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private long _generation;

    public int Count => _entries.Count;

    /// <summary>The cached value, or the result of <paramref name="load"/> kept for the lifetime it chooses.</summary>
    public async Task<TValue> GetOrLoadAsync(TKey key, Func<TKey, CancellationToken, Task<(TValue Value, TimeSpan Lifetime)>> load, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(load);
        var now = timeProvider.GetUtcNow();
        if (_entries.TryGetValue(key, out var existing) && (existing.ExpiresAt is null || existing.ExpiresAt > now))
        {
            return await existing.Value.WaitAsync(ct);
        }
        if (_entries.Count >= maxEntries)
        {
            Trim(now);
        }
        var entry = new Entry(Interlocked.Read(ref _generation));
        var current = existing is not null && _entries.TryUpdate(key, entry, existing) ? entry : _entries.GetOrAdd(key, entry);
        if (ReferenceEquals(current, entry))
        {
            // Started only once the entry is in the dictionary, so a failure can always take it out again.
            _ = LoadAsync(key, entry, load);
        }
        return await current.Value.WaitAsync(ct);
    }

    /// <summary>Drops every entry whose key matches (e.g. all catalogs of one subject).</summary>
    public void Invalidate(Func<TKey, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        Interlocked.Increment(ref _generation);
        foreach (var key in _entries.Keys)
        {
            if (match(key))
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    public void Clear() => Invalidate(_ => true);

    private async Task LoadAsync(TKey key, Entry entry, Func<TKey, CancellationToken, Task<(TValue Value, TimeSpan Lifetime)>> load)
    {
        try
        {
            // The load is shared by every waiter, so no single caller's cancellation may end it.
            var (value, lifetime) = await load(key, CancellationToken.None);
            entry.ExpiresAt = timeProvider.GetUtcNow() + lifetime;
            if (Interlocked.Read(ref _generation) != entry.Generation || lifetime <= TimeSpan.Zero)
            {
                _entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
            }
            entry.Completion.TrySetResult(value);
        }
        catch (Exception exception)
        {
            // Out first, then failed: a waiter that retries must not find the failure again.
            _entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
            entry.Completion.TrySetException(exception);
        }
    }

    private void Trim(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt is { } expiresAt && expiresAt <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }
        if (_entries.Count >= maxEntries)
        {
            _entries.Clear();
        }
    }

    private sealed class Entry(long generation)
    {
        public long Generation { get; } = generation;

        public TaskCompletionSource<TValue> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<TValue> Value => Completion.Task;

        /// <summary>Null while loading: a load in flight is shared, never expired.</summary>
        public DateTimeOffset? ExpiresAt { get; set; }
    }
}
