namespace Platform.IntegrationRegistry.Client.Authentication;

/// <summary>
/// Answers "whose is this token?". Other services use <see cref="RegistryClient"/>; the registry itself plugs in
/// its database so its own admin API shares the handlers without calling itself over HTTP.
/// </summary>
public interface IRegistryAuthenticator
{
    Task<AgentPrincipal?> AuthenticateAgentAsync(string token, CancellationToken ct);

    Task<AdminPrincipal?> AuthenticateAdminKeyAsync(string key, CancellationToken ct);
}
