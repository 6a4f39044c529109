using System.Collections.Concurrent;

namespace Platform.OAuth;

/// <summary>Pending authorizations for the life of the process (the probe, the tests).</summary>
public sealed class InMemoryAuthorizationStateStore : IAuthorizationStateStore
{
    private readonly ConcurrentDictionary<string, PendingAuthorization> _pending = new(StringComparer.Ordinal);

    public Task SaveAsync(PendingAuthorization pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        _pending[pending.State] = pending;
        return Task.CompletedTask;
    }

    public Task<PendingAuthorization?> TakeAsync(string state, CancellationToken cancellationToken) =>
        Task.FromResult(_pending.TryRemove(state, out var pending) ? pending : null);
}
