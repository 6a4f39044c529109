using Platform.IntegrationRegistry.Client.Authentication;
using Platform.IntegrationRegistry.Data;
using Platform.IntegrationRegistry.Secrets;
using Platform.Outbound;

namespace Platform.IntegrationRegistry.Apis;

/// <summary>What the registry's endpoints need, bundled for <c>[AsParameters]</c>.</summary>
public sealed class RegistryServices(
    TenantStore tenants,
    IdentityStore identities,
    AgentStore agents,
    AgentTokenStore agentTokens,
    AdminKeyStore adminKeys,
    DefinitionStore definitions,
    AuthMethodStore authMethods,
    InstallStore installs,
    CredentialStore credentials,
    SpaceStore spaces,
    VaultSecretWriter secretWriter,
    IPrincipalCache principalCache,
    OutboundPolicy outbound,
    TimeProvider timeProvider)
{
    public TenantStore Tenants => tenants;
    public IdentityStore Identities => identities;
    public AgentStore Agents => agents;
    public AgentTokenStore AgentTokens => agentTokens;
    public AdminKeyStore AdminKeys => adminKeys;
    public DefinitionStore Definitions => definitions;
    public AuthMethodStore AuthMethods => authMethods;
    public InstallStore Installs => installs;
    public CredentialStore Credentials => credentials;
    public SpaceStore Spaces => spaces;
    public VaultSecretWriter SecretWriter => secretWriter;
    public IPrincipalCache PrincipalCache => principalCache;
    public OutboundPolicy Outbound => outbound;
    public TimeProvider TimeProvider => timeProvider;
    public DateTimeOffset Now => timeProvider.GetUtcNow();
}
