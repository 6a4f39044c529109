using System.Net;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using Platform.McpEdge.Catalog;
using Platform.Outbound;

namespace Platform.McpEdge.Upstream;

/// <summary>
/// Why a call to an upstream failed, as an error class (for the audit record and metrics) and a sentence a person
/// can act on. Never a raw exception: messages name the integration and what to do, not stack traces, and never
/// an address, port, socket error or HTTP status of a connection attempt, which would let a tenant map networks.
/// </summary>
public sealed record UpstreamFailure(string ErrorClass, string Message, bool CredentialRejected = false, bool SessionBroken = false)
{
    /// <summary>The upstream answered 401: the token itself was refused (expired or revoked), which one renewal may cure.</summary>
    public bool TokenRefused { get; init; }

    /// <summary>
    /// The upstream answered 403 <c>insufficient_scope</c>: the token is good but the person must grant more (a
    /// step-up); the scopes its challenge asked for, "" when it named none.
    /// </summary>
    public string? RequiredScope { get; init; }

    public const string NotConnected = "not-connected";
    public const string CredentialRefused = "credential-rejected";
    public const string Unavailable = "upstream-unavailable";
    public const string OutboundRefused = "outbound-refused";
    public const string ResponseTooLarge = "response-too-large";
    public const string Timeout = "timeout";
    public const string UpstreamError = "upstream-error";
    public const string PlatformUnavailable = "platform-unavailable";
    public const string Unexpected = "internal";

    public static UpstreamFailure TimedOut(UpstreamSource source, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new(Timeout, $"{source.DisplayName} did not answer within {timeout.TotalSeconds:0.#} s, so the call was cancelled. Try again, or ask for less in one call.", SessionBroken: false);
    }

    public static UpstreamFailure TooLarge(UpstreamSource source, long limit)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new(ResponseTooLarge,
            $"{source.DisplayName} answered with more than {limit} bytes, the most the platform accepts in one upstream answer (McpEdge:MaxUpstreamResponseBytes); ask for less in one call.",
            SessionBroken: true);
    }

    /// <summary>
    /// Classifies a failure on a session whose answer was cut off at <paramref name="exceededLimit"/> (when not null)
    /// as too large, whatever the MCP client made of the broken stream.
    /// </summary>
    public static UpstreamFailure From(Exception exception, UpstreamSource source, long? exceededLimit) =>
        exceededLimit is { } limit ? TooLarge(source, limit) : From(exception, source);

    /// <summary>Classifies anything thrown while connecting to or calling the upstream.</summary>
    public static UpstreamFailure From(Exception exception, UpstreamSource source)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(source);
        var name = source.DisplayName;
        if (exception is UpstreamNotConnectedException notConnected)
        {
            return new(NotConnected, notConnected.Message);
        }
        if (exception is PlatformUnavailableException platform)
        {
            return new(PlatformUnavailable, platform.Message);
        }
        if (Find<OutboundRefusedException>(exception) is not null)
        {
            // The operator's log names the address and the setting that would allow it; the tenant learns only this.
            return new(OutboundRefused, $"{name} cannot be reached from this platform. If it should be, ask the platform operator.", SessionBroken: true);
        }
        if (Find<UpstreamResponseTooLargeException>(exception) is { } tooLarge)
        {
            return TooLarge(source, tooLarge.Limit);
        }
        if (Find<InsufficientScopeException>(exception) is { } narrow)
        {
            var scope = narrow.RequiredScope ?? "";
            return new(CredentialRefused, ConnectMessages.InsufficientScope(name, source.Namespace, scope.Length > 0 ? scope : "it asks for"), SessionBroken: true)
            {
                RequiredScope = scope,
            };
        }
        if (Find<HttpRequestException>(exception) is { } http)
        {
            return http.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new(CredentialRefused,
                    ConnectMessages.CredentialRefused(name, source.Namespace, (int)http.StatusCode.Value),
                    CredentialRejected: true, SessionBroken: true) { TokenRefused = http.StatusCode == HttpStatusCode.Unauthorized },
                null or >= HttpStatusCode.InternalServerError => new(Unavailable, $"{name} cannot be reached right now. Try again later.", SessionBroken: true),
                _ => new(UpstreamError, $"{name} refused the request.", SessionBroken: true),
            };
        }
        if (Find<McpProtocolException>(exception) is { } protocol)
        {
            return new(UpstreamError, $"{name} answered with an error: {protocol.Message} (code {(int)protocol.ErrorCode}).");
        }
        if (exception is ClientTransportClosedException or IOException or McpException or InvalidOperationException)
        {
            return new(Unavailable, $"The connection to {name} was lost. Try again.", SessionBroken: true);
        }
        return new(Unexpected, $"The call to {name} failed unexpectedly ({exception.GetType().Name}).", SessionBroken: true);
    }

    private static T? Find<T>(Exception exception) where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }
        return exception is AggregateException aggregate ? aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(e => e is not null) : null;
    }
}
