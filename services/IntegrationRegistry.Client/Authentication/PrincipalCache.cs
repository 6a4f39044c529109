using System.Collections.Concurrent;

namespace Platform.IntegrationRegistry.Client.Authentication;

/// <summary>
/// Token-hash → principal (or "no such token") with an expiry per entry. Valid principals and "no such token"
/// answers are kept apart, each bounded: when one is full, its expired entries go first, then the rest of that one
/// only. So a flood of made-up tokens neither grows memory nor evicts the valid principals (which would send every
/// real agent back to the registry). Invalidation bumps a generation so a lookup that was in flight while a token
/// was revoked cannot put the stale answer back.
/// </summary>
internal sealed class PrincipalCache(TimeProvider timeProvider) : IPrincipalCache
{
    /// <summary>Per kind of answer (valid principals, unknown tokens).</summary>
    internal const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry> _unknown = new(StringComparer.Ordinal);
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string key, out object? principal)
    {
        if ((_entries.TryGetValue(key, out var entry) || _unknown.TryGetValue(key, out entry)) && entry.ExpiresAt > timeProvider.GetUtcNow())
        {
            principal = entry.Principal;
            return true;
        }
        principal = null;
        return false;
    }

    /// <summary>Caches the answer unless something was invalidated since <paramref name="generation"/> was read.</summary>
    public void Set(string key, object? principal, TimeSpan duration, long generation)
    {
        if (duration <= TimeSpan.Zero)
        {
            return;
        }
        var entries = principal is null ? _unknown : _entries;
        if (entries.Count >= MaxEntries)
        {
            Trim(entries);
        }
        if (Generation == generation)
        {
            entries[key] = new Entry(principal, timeProvider.GetUtcNow() + duration);
        }
    }

    public void InvalidateAgent(Guid agentId) => Remove(p => p is AgentPrincipal agent && agent.AgentId == agentId);

    public void InvalidateAdminKey(Guid keyId) => Remove(p => p is AdminPrincipal admin && admin.KeyId == keyId);

    public void InvalidateTenant(Guid tenantId) =>
        Remove(p => p is AgentPrincipal agent ? agent.TenantId == tenantId : p is AdminPrincipal admin && admin.TenantId == tenantId);

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
        _unknown.Clear();
    }

    private void Remove(Func<object?, bool> match)
    {
        Interlocked.Increment(ref _generation);
        foreach (var (key, entry) in _entries)
        {
            if (match(entry.Principal))
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    private void Trim(ConcurrentDictionary<string, Entry> entries)
    {
        var now = timeProvider.GetUtcNow();
        foreach (var (key, entry) in entries)
        {
            if (entry.ExpiresAt <= now)
            {
                entries.TryRemove(key, out _);
            }
        }
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }
    }

    private sealed record Entry(object? Principal, DateTimeOffset ExpiresAt);
}
