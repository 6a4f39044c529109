using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost;

/// <summary>
/// Hands the outbound policy's development allow-list to a service: entries with a <c>/</c> are networks
/// (<c>Outbound__AllowedNetworks__N</c>), the others host names as written in URLs (<c>Outbound__AllowedHosts__N</c>),
/// so <c>127.0.0.1</c> admits URLs naming that address but not a name that resolves to it.
/// </summary>
public static class OutboundAllowList
{
    public static IResourceBuilder<ProjectResource> WithOutboundAllowList(this IResourceBuilder<ProjectResource> builder, IReadOnlyList<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var networks = entries.Where(IsNetwork).ToList();
        var hosts = entries.Where(e => !IsNetwork(e)).ToList();
        for (var i = 0; i < networks.Count; i++)
        {
            builder.WithEnvironment($"Outbound__AllowedNetworks__{i}", networks[i]);
        }
        for (var i = 0; i < hosts.Count; i++)
        {
            builder.WithEnvironment($"Outbound__AllowedHosts__{i}", hosts[i]);
        }
        return builder;
    }

    private static bool IsNetwork(string entry) => entry.Contains('/', StringComparison.Ordinal);
}
