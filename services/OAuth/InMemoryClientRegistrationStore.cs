using System.Collections.Concurrent;

namespace Platform.OAuth;

/// <summary>Registrations for the life of the process: the probe's store, and the tests'.</summary>
public sealed class InMemoryClientRegistrationStore : IClientRegistrationStore
{
    // One shared task per key: racing callers await the same registration; a failed one is dropped so the next call retries.
    private readonly ConcurrentDictionary<ClientRegistrationKey, Lazy<Task<ClientRegistration>>> _registrations = new();

    public async Task<ClientRegistration> GetOrRegisterAsync(
        ClientRegistrationKey key, Func<CancellationToken, Task<ClientRegistration>> register, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(register);
        // The async lambda turns a register that throws at once into a faulted task, which the Lazy does not cache as its own failure.
        var entry = _registrations.GetOrAdd(key, _ => new Lazy<Task<ClientRegistration>>(async () => await register(cancellationToken).ConfigureAwait(false)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            _registrations.TryRemove(new KeyValuePair<ClientRegistrationKey, Lazy<Task<ClientRegistration>>>(key, entry));
            throw;
        }
    }
}
