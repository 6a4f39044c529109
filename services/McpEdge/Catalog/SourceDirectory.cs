using Microsoft.Extensions.Options;
using ModelContextProtocol;
using Platform.IntegrationRegistry.Client;
using Platform.McpEdge.Caching;
using Platform.McpEdge.Server;
using Platform.McpEdge.Upstream;

namespace Platform.McpEdge.Catalog;

/// <summary>
/// The upstream servers a caller may reach: the installs its subject sees (from the registry) and the other agents
/// of its tenant that have their own MCP endpoint and list the caller among those who may call them, cached
/// briefly and dropped on catalog and credential events.
/// </summary>
public sealed class SourceDirectory(PlatformClients clients, IOptions<McpEdgeOptions> options, TimeProvider timeProvider)
{
    public const string PlatformNamespace = "platform";
    public const string AgentNamespacePrefix = "agent.";

    private readonly ExpiringCache<(Guid Tenant, Guid Subject), IReadOnlyList<InstallInfo>> _installs = new(timeProvider);
    private readonly ExpiringCache<Guid, IReadOnlyList<AgentEndpointInfo>> _agents = new(timeProvider);

    public async Task<IReadOnlyList<UpstreamSource>> GetSourcesAsync(EdgeCaller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        try
        {
            var installs = _installs.GetOrLoadAsync((caller.TenantId, caller.SubjectId), async (key, token) =>
                (await clients.Registry.GetInstallsForSubjectAsync(key.Tenant, key.Subject, token), options.Value.InstallsTtl), ct);
            var agents = _agents.GetOrLoadAsync(caller.TenantId, async (tenant, token) =>
                (await clients.Registry.GetAgentEndpointsAsync(tenant, token), options.Value.InstallsTtl), ct);
            return
            [
                .. (await installs).Select(FromInstall).OrderBy(s => s.Namespace, StringComparer.Ordinal),
                .. (await agents).Where(a => a.AgentId != caller.AgentId && a.CallableBy.Contains(caller.AgentId)).Select(agent => FromAgent(agent, options.Value.AgentCallTimeout)).OrderBy(s => s.Namespace, StringComparer.Ordinal),
            ];
        }
        catch (HttpRequestException)
        {
            throw new McpProtocolException("The integration registry cannot be reached right now; try again in a few seconds.", McpErrorCode.InternalError);
        }
    }

    public async Task<UpstreamSource?> FindAsync(EdgeCaller caller, string ns, CancellationToken ct) =>
        (await GetSourcesAsync(caller, ct)).FirstOrDefault(s => string.Equals(s.Namespace, ns, StringComparison.Ordinal));

    /// <summary>Forgets what the registry said about one subject (or, with null, about the whole tenant).</summary>
    public void Invalidate(Guid tenantId, Guid? subjectId)
    {
        _installs.Invalidate(key => key.Tenant == tenantId && (subjectId is null || key.Subject == subjectId));
        _agents.Invalidate(key => key == tenantId);
    }

    public void Clear()
    {
        _installs.Clear();
        _agents.Clear();
    }

    private static UpstreamSource FromInstall(InstallInfo install)
    {
        var endpoint = Uri.TryCreate(install.BaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
        string? reason = null;
        if (!string.Equals(install.Kind, "mcp", StringComparison.Ordinal))
        {
            reason = $"{install.DefinitionName} is an API integration ({install.Kind}), not an MCP server, so it offers no tools here.";
        }
        else if (!NamespacedNames.IsValidNamespace(install.Slug) || install.Slug == PlatformNamespace || install.Slug.StartsWith(AgentNamespacePrefix, StringComparison.Ordinal))
        {
            reason = $"The install slug '{install.Slug}' cannot be used as a tool namespace (reserved, or characters other than letters, digits, '.' and '-').";
        }
        else if (endpoint is null)
        {
            reason = $"{install.DefinitionName} has no valid http(s) base URL.";
        }
        else if (!install.Connected && !string.Equals(install.AuthMethod, UpstreamSource.AuthNone, StringComparison.Ordinal))
        {
            reason = Upstream.ConnectMessages.NotConnectedReason(install.DefinitionName, install.Slug);
        }
        return new UpstreamSource(
            install.InstallId, UpstreamSourceKind.Install, install.Slug, install.DefinitionName, endpoint, install.AuthMethod,
            install.AllowedTools ?? [], install.DeniedTools ?? [], TimeSpan.FromSeconds(Math.Clamp(install.CallTimeoutSeconds, 1, 3600)),
            install.Connected, reason)
        {
            AllowedResources = install.AllowedResources ?? [],
            DeniedResources = install.DeniedResources ?? [],
            AllowedPrompts = install.AllowedPrompts ?? [],
            DeniedPrompts = install.DeniedPrompts ?? [],
        };
    }

    private static UpstreamSource FromAgent(AgentEndpointInfo agent, TimeSpan timeout)
    {
        var ns = AgentNamespacePrefix + agent.Slug;
        var endpoint = Uri.TryCreate(agent.McpUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
        var reason = !NamespacedNames.IsValidNamespace(ns) ? $"The agent slug '{agent.Slug}' cannot be used as a tool namespace."
            : endpoint is null ? $"Agent {agent.Name} has no valid http(s) MCP endpoint."
            : null;
        return new UpstreamSource(
            agent.AgentId, UpstreamSourceKind.Agent, ns, $"agent {agent.Name}", endpoint, UpstreamSource.AuthNone,
            [], [], timeout, Connected: true, reason);
    }
}
