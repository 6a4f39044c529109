using Microsoft.AspNetCore.Authentication;

namespace Platform.IntegrationRegistry.Client.Authentication;

/// <summary>Options of the <c>AdminKey</c> and <c>AgentToken</c> schemes.</summary>
public sealed class RegistryBearerOptions : AuthenticationSchemeOptions
{
    /// <summary>How long a valid token's principal is reused without asking the registry (revocation events cut it short).</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long "no such token" is remembered, so a client retrying a bad token does not hammer the registry.</summary>
    public TimeSpan NegativeCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Added to the challenge as <c>resource_metadata="..."</c> (MCP authorization: where a client finds the
    /// protected resource metadata). Null leaves the challenge a plain <c>Bearer</c>.
    /// </summary>
    public string? ResourceMetadataUrl { get; set; }
}
