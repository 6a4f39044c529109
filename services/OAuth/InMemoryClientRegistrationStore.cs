using System.Collections.Concurrent;

namespace Platform.OAuth;

/// <summary>Registrations for the life of the process: the probe's store, and the tests'.</summary>
public sealed class InMemoryClientRegistrationStore : IClientRegistrationStore
{
    private readonly ConcurrentDictionary<ClientRegistrationKey, ClientRegistration> _registrations = new();

    public Task<ClientRegistration?> FindAsync(ClientRegistrationKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_registrations.TryGetValue(key, out var found) ? found : null);

    public Task SaveAsync(ClientRegistrationKey key, ClientRegistration registration, CancellationToken cancellationToken)
    {
        _registrations[key] = registration;
        return Task.CompletedTask;
    }
}
