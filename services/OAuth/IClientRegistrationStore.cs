namespace Platform.OAuth;

/// <summary>
/// Dynamic registrations, kept so that each authorization server is registered with once per redirect URI and
/// grant (the broker keeps them in brokerdb with the secret in the vault; the probe keeps them in memory).
/// </summary>
public interface IClientRegistrationStore
{
    /// <summary>
    /// The registration kept for <paramref name="key"/>, else the one <paramref name="register"/> makes, kept. Callers
    /// racing on one key (in this process, or on several broker replicas) end with one registration: while one
    /// registers, the others wait and then get its result; a failed registration keeps nothing.
    /// </summary>
    Task<ClientRegistration> GetOrRegisterAsync(
        ClientRegistrationKey key, Func<CancellationToken, Task<ClientRegistration>> register, CancellationToken cancellationToken);
}
