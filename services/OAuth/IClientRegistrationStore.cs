namespace Platform.OAuth;

/// <summary>
/// Dynamic registrations, kept so that each authorization server is registered with once per redirect URI and
/// grant (the broker keeps them in brokerdb with the secret in the vault; the probe keeps them in memory).
/// </summary>
public interface IClientRegistrationStore
{
    Task<ClientRegistration?> FindAsync(ClientRegistrationKey key, CancellationToken cancellationToken);

    Task SaveAsync(ClientRegistrationKey key, ClientRegistration registration, CancellationToken cancellationToken);
}
