using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Platform.McpEdge.Catalog;
using Platform.McpEdge.Http;
using Platform.ServiceDefaults;

namespace Platform.McpEdge.Upstream;

/// <summary>
/// Initialized MCP client sessions to upstream servers (the SDK's <see cref="McpClient"/> over
/// <see cref="HttpClientTransport"/>), kept and shared by concurrent calls of the same key so the initialize
/// handshake and the connections are paid for once. Sessions that fail are dropped; idle ones are closed. A call
/// holds its session by a lease (<see cref="UpstreamSessionLease"/>), so a dropped session closes after its last call.
/// </summary>
public sealed partial class UpstreamSessions(UpstreamHttp http, ServiceIdentity identity, IOptions<McpEdgeOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    : IAsyncDisposable
{
    private readonly ConcurrentDictionary<UpstreamSessionKey, Session> _sessions = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<McpClient, ResponseSizeLimitHandler> _limits = new();
    private readonly ILogger _logger = loggerFactory.CreateLogger<UpstreamSessions>();

    public int Count => _sessions.Count;

    /// <summary>
    /// The session for this key, connecting it first if needed (bounded by <paramref name="connectTimeout"/>), held
    /// until the lease is disposed: a session dropped meanwhile (its install or credential changed) is closed only
    /// when the last call on it has finished, so a change never breaks a call already under way.
    /// </summary>
    public async Task<UpstreamSessionLease> GetAsync(UpstreamSessionKey key, UpstreamSource source, UpstreamCredential credential, TimeSpan connectTimeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(credential);
        for (var ended = 0; ;)
        {
            var session = _sessions.GetOrAdd(key, _ => new Session(ConnectAsync(source, credential, connectTimeout)));
            if (!session.TryAcquire())
            {
                continue; // Dropped between lookup and acquire: it is out of the dictionary, so the next lookup is new.
            }
            session.Touch(timeProvider.GetTimestamp());
            McpClient client;
            try
            {
                client = await session.Client.WaitAsync(ct);
            }
            catch (Exception)
            {
                await ReleaseAsync(session);
                if (!ct.IsCancellationRequested)
                {
                    await DropAsync(key, session);
                }
                throw;
            }
            if (!client.Completion.IsCompleted || ended++ > 0)
            {
                return new UpstreamSessionLease(client, () => ReleaseAsync(session));
            }
            // The upstream ended the session (e.g. it restarted and answered 404): connect afresh.
            await ReleaseAsync(session);
            await DropAsync(key, session);
        }
    }

    /// <summary>The response limit a session's answer went past, or null (see <see cref="ResponseSizeLimitHandler"/>).</summary>
    public long? ExceededLimit(McpClient client) => _limits.TryGetValue(client, out var limit) ? limit.ExceededLimit : null;

    /// <summary>Closes the session (after a transport failure, or when its credential changed or was revoked).</summary>
    public async Task DropAsync(UpstreamSessionKey key)
    {
        if (_sessions.TryGetValue(key, out var session))
        {
            await DropAsync(key, session);
        }
    }

    public async Task DropWhereAsync(Func<UpstreamSessionKey, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        // The sessions there are now: one connected while this runs was made for what has changed already.
        foreach (var (key, session) in _sessions.ToArray())
        {
            if (match(key))
            {
                await DropAsync(key, session);
            }
        }
    }

    /// <summary>Closes sessions nobody used for <see cref="McpEdgeOptions.UpstreamIdleTimeout"/>.</summary>
    public async Task CloseIdleAsync()
    {
        var idle = options.Value.UpstreamIdleTimeout;
        foreach (var (key, session) in _sessions)
        {
            if (timeProvider.GetElapsedTime(session.LastUsed) > idle)
            {
                await DropAsync(key, session);
            }
        }
    }

    /// <summary>Shutting down: every session closes now, held or not.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var (key, session) in _sessions)
        {
            if (_sessions.TryRemove(new KeyValuePair<UpstreamSessionKey, Session>(key, session)))
            {
                session.Retire();
                await CloseAsync(session);
            }
        }
    }

    private async Task<McpClient> ConnectAsync(UpstreamSource source, UpstreamCredential credential, TimeSpan timeout)
    {
        // Shared by every caller waiting on this key, so no one caller's cancellation may end it.
        await Task.Yield();
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = source.Endpoint ?? throw new InvalidOperationException($"{source.DisplayName} has no endpoint."),
            TransportMode = HttpTransportMode.StreamableHttp,
            Name = source.Namespace,
            AdditionalHeaders = credential.Headers.ToDictionary(StringComparer.OrdinalIgnoreCase),
            EnableStandaloneGetStream = false,
            ConnectionTimeout = timeout,
        }, http.CreateSessionClient(out var limit), loggerFactory, ownsHttpClient: true);
        using var cts = new CancellationTokenSource(timeout);
        var client = await McpClient.CreateAsync(transport, new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "platform-mcp-edge", Version = identity.Version },
            ProtocolVersion = SupportedProtocolVersions.Latest,
            InitializationTimeout = timeout,
        }, loggerFactory, cts.Token);
        _limits.AddOrUpdate(client, limit);
        LogConnected(_logger, source.Namespace, client.NegotiatedProtocolVersion ?? "?");
        return client;
    }

    /// <summary>Takes the session out of use; it closes now, or when its last lease is released.</summary>
    private async Task DropAsync(UpstreamSessionKey key, Session session)
    {
        if (_sessions.TryRemove(new KeyValuePair<UpstreamSessionKey, Session>(key, session)) && session.Retire())
        {
            await CloseAsync(session);
        }
    }

    private async Task ReleaseAsync(Session session)
    {
        if (session.Release())
        {
            await CloseAsync(session);
        }
    }

    private async Task CloseAsync(Session session)
    {
        try
        {
            var client = await session.Client;
            await client.DisposeAsync();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogCloseFailed(_logger, exception.GetType().Name);
        }
    }

    /// <summary>A session being connected or connected, the calls holding it, and whether it was taken out of use.</summary>
    private sealed class Session(Task<McpClient> client)
    {
        private readonly Lock _gate = new();
        private long _lastUsed;
        private int _leases;
        private bool _retired;

        public Task<McpClient> Client { get; } = client;

        public long LastUsed => Interlocked.Read(ref _lastUsed);

        public void Touch(long timestamp) => Interlocked.Exchange(ref _lastUsed, timestamp);

        /// <summary>False once retired: a retired session takes no new calls.</summary>
        public bool TryAcquire()
        {
            lock (_gate)
            {
                if (_retired)
                {
                    return false;
                }
                _leases++;
                return true;
            }
        }

        /// <summary>True when this release was the last one of a retired session, which must now be closed.</summary>
        public bool Release()
        {
            lock (_gate)
            {
                return --_leases == 0 && _retired;
            }
        }

        /// <summary>True when nobody holds the session, which must now be closed (otherwise the last release closes it).</summary>
        public bool Retire()
        {
            lock (_gate)
            {
                _retired = true;
                return _leases == 0;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connected to upstream {Namespace} (protocol {ProtocolVersion})")]
    private static partial void LogConnected(ILogger logger, string @namespace, string protocolVersion);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing an upstream session failed ({Error})")]
    private static partial void LogCloseFailed(ILogger logger, string error);
}
