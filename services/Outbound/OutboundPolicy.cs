using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Outbound;

/// <summary>
/// The one rule for calls to URLs a tenant supplied (upstream MCP servers, agents' MCP URLs, OAuth metadata and
/// token endpoints, Key Vault hosts): the name is resolved here and each address is checked before the socket
/// connects, in <see cref="SocketsHttpHandler.ConnectCallback"/>, so a name that resolves (or re-resolves, DNS
/// rebinding) to a reserved address is refused at the moment it matters. Redirects are never followed and bodies
/// are never decompressed automatically. Allowed only what <see cref="OutboundPolicyOptions"/> names explicitly.
/// </summary>
public sealed partial class OutboundPolicy
{
    private readonly OutboundPolicyOptions _options;
    private readonly HashSet<string> _allowedHosts;
    private readonly IPNetwork[] _allowedNetworks;
    private readonly ILogger _logger;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;

    public OutboundPolicy(IOptions<OutboundPolicyOptions> options, ILogger<OutboundPolicy> logger)
        : this(options.Value, logger, (host, ct) => Dns.GetHostAddressesAsync(host, ct))
    {
    }

    internal OutboundPolicy(OutboundPolicyOptions options, ILogger logger, Func<string, CancellationToken, Task<IPAddress[]>> resolve)
    {
        _options = options;
        _allowedHosts = new HashSet<string>(options.AllowedHosts.Select(h => h.Trim().TrimEnd('.')), StringComparer.OrdinalIgnoreCase);
        _allowedNetworks = [.. options.AllowedNetworks.Select(ParseNetwork)];
        _logger = logger;
        _resolve = resolve;
    }

    /// <summary>What to tell an operator whose local server was refused: the settings that allow it.</summary>
    public const string AllowListHint =
        "To allow a development server, add its host to Outbound:AllowedHosts or its network to Outbound:AllowedNetworks (e.g. Outbound__AllowedHosts__0=localhost).";

    /// <summary>
    /// A handler that connects only where this policy allows, never follows redirects, never decompresses, and uses
    /// no proxy (a proxy would connect on our behalf, past the check). Callers add their own timeouts.
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = _options.ConnectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectCallback = ConnectAsync,
    };

    /// <summary>
    /// Why this URL may not even be saved (a literal reserved address, or a name that can only be local such as
    /// <c>localhost</c>), or null. Names are judged again, by address, at every connection.
    /// </summary>
    public string? RefuseLiteral(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.IdnHost.TrimEnd('.');
        if (_allowedHosts.Contains(host))
        {
            return null;
        }
        if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            return Refusal(address) is { } range ? $"The URL points at a {range} address, which the platform never calls." : null;
        }
        return IsLocalName(host) ? "The URL names a local host, which the platform never calls." : null;
    }

    /// <summary>Why a connection to this address for this host would be refused (the range's name), or null.</summary>
    public string? Refusal(string host, IPAddress address) => _allowedHosts.Contains(host.TrimEnd('.')) ? null : Refusal(address);

    private string? Refusal(IPAddress address)
    {
        var normalized = ReservedAddresses.EmbeddedIPv4(address) ?? address;
        if (_allowedNetworks.Any(n => n.BaseAddress.AddressFamily == normalized.AddressFamily && n.Contains(normalized)))
        {
            return null;
        }
        return ReservedAddresses.Classify(address);
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var port = context.DnsEndPoint.Port;
        IPAddress[] addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await _resolve(host, ct).ConfigureAwait(false);
        var allowed = new List<IPAddress>(addresses.Length);
        foreach (var address in addresses)
        {
            if (Refusal(host, address) is { } range)
            {
                LogRefused(_logger, host, port, address, range);
            }
            else
            {
                allowed.Add(address);
            }
        }
        if (allowed.Count == 0)
        {
            throw new OutboundRefusedException(host);
        }
        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                LogConnectFailed(_logger, host, port, address, ex.SocketErrorCode);
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }

    private static bool IsLocalName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".local", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase)
        || !host.Contains('.');

    private static IPNetwork ParseNetwork(string text) =>
        IPNetwork.TryParse(text.Trim(), out var network)
            ? network
            : IPAddress.TryParse(text.Trim(), out var single)
                ? new IPNetwork(single, single.AddressFamily == AddressFamily.InterNetwork ? 32 : 128)
                : throw new OptionsValidationException(OutboundPolicyOptions.SectionName, typeof(OutboundPolicyOptions),
                    [$"Outbound:AllowedNetworks holds '{text}', which is neither a CIDR network nor an address."]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbound call to {Host}:{Port} refused: {Address} is a {Range} address. " + AllowListHint)]
    private static partial void LogRefused(ILogger logger, string host, int port, IPAddress address, string range);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbound connection to {Host}:{Port} at {Address} failed: {Error}")]
    private static partial void LogConnectFailed(ILogger logger, string host, int port, IPAddress address, SocketError error);
}
