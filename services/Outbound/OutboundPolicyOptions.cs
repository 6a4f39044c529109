namespace Platform.Outbound;

/// <summary>
/// Configuration section <c>Outbound</c>: the development allow-list. Empty in production, so every private,
/// loopback and link-local address is refused. A local run (the AppHost) and the tests allow loopback here.
/// </summary>
public sealed class OutboundPolicyOptions
{
    public const string SectionName = "Outbound";

    /// <summary>Host names (as written in the URL, case-insensitive) allowed whatever address they resolve to.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Networks in CIDR notation (<c>127.0.0.0/8</c>, <c>::1/128</c>) whose addresses are allowed.</summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>How long a connection attempt may take, per address.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
