namespace Platform.Outbound;

/// <summary>
/// A connection the outbound policy would not make. The message is safe to show a tenant: it names no address,
/// port or socket error (the operator's log has those).
/// </summary>
public sealed class OutboundRefusedException(string host) : IOException(TenantMessage)
{
    public const string TenantMessage = "The address cannot be reached: the platform's outbound policy does not allow it.";

    /// <summary>The host name from the URL (not an address it resolved to).</summary>
    public string Host { get; } = host;
}
