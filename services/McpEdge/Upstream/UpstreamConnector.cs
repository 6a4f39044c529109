using Platform.McpEdge.Catalog;
using Platform.McpEdge.Server;

namespace Platform.McpEdge.Upstream;

/// <summary>
/// Credential first (registry, vault), then the session for this source, subject and credential. After a failure
/// that breaks the session it is dropped; a refused OAuth credential is marked as needing re-authorization.
/// </summary>
public sealed partial class UpstreamConnector(
    UpstreamCredentials credentials,
    UpstreamSessions sessions,
    PlatformClients clients,
    SourceDirectory directory,
    ILogger<UpstreamConnector> logger)
{
    /// <summary>The caller's session on the source; dispose it when the call is done.</summary>
    public async Task<UpstreamConnection> ConnectAsync(EdgeCaller caller, UpstreamSource source, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(source);
        var credential = await credentials.GetAsync(caller, source, ct);
        var key = new UpstreamSessionKey(source.Id, source.Endpoint?.AbsoluteUri ?? "", caller.TenantId, caller.SubjectId, credential.Fingerprint);
        var lease = await sessions.GetAsync(key, source, credential, timeout, ct);
        return new UpstreamConnection(key, lease, credential);
    }

    /// <summary>
    /// The credential a failed call presented (or would have), so its values can be hidden in the failure message;
    /// none when it cannot be had, in which case nothing of it reached the upstream either.
    /// </summary>
    public async Task<UpstreamCredential> CredentialOrNoneAsync(EdgeCaller caller, UpstreamSource source)
    {
        try
        {
            return await credentials.GetAsync(caller, source, CancellationToken.None);
        }
        catch (Exception exception) when (exception is UpstreamNotConnectedException or PlatformUnavailableException)
        {
            return UpstreamCredential.None;
        }
    }

    /// <summary>
    /// After an upstream refused an OAuth token (401): one renewal through the broker (or the one another call already
    /// made). True when the call should be tried once more. The sessions that carried the refused token are left to
    /// close when idle: other calls may still be using them, and the new token gets sessions of its own.
    /// </summary>
    /// <exception cref="UpstreamNotConnectedException">The provider refused to renew: the person must connect again.</exception>
    public async Task<bool> RenewAfterRejectionAsync(EdgeCaller caller, UpstreamSource source, UpstreamCredential rejected, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(rejected);
        if (rejected.AccessTokenSha256 is null)
        {
            return false;
        }
        var renewed = await credentials.RenewAfterRejectionAsync(caller, source, rejected, ct);
        if (renewed)
        {
            LogRenewed(logger, source.Namespace, rejected.CredentialId);
        }
        return renewed;
    }

    /// <summary>
    /// The one rule for every exchange with an upstream (a tool call, a listing): after the first attempt's token was
    /// refused (401), renew it once and try again; never more than once, and never for anything else.
    /// </summary>
    /// <exception cref="UpstreamNotConnectedException">The provider refused to renew: the person must connect again.</exception>
    public Task<bool> RetryAfterRenewalAsync(EdgeCaller caller, UpstreamSource source, UpstreamFailure failure, UpstreamCredential used, int attempt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return attempt == 0 && failure.TokenRefused ? RenewAfterRejectionAsync(caller, source, used, ct) : Task.FromResult(false);
    }

    /// <summary>The response limit an answer on this connection went past, or null.</summary>
    public long? ExceededLimit(UpstreamConnection? connection) => connection is null ? null : sessions.ExceededLimit(connection.Client);

    /// <summary>Drops what the failure made useless, so the next call starts afresh.</summary>
    public async Task ReportAsync(EdgeCaller caller, UpstreamSource source, UpstreamFailure failure)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(failure);
        if (!failure.SessionBroken)
        {
            return;
        }
        Guid? credentialId = null;
        if (failure.CredentialRejected && IsOAuth(source.AuthMethod))
        {
            try
            {
                credentialId = (await credentials.GetAsync(caller, source, CancellationToken.None)).CredentialId;
            }
            catch (Exception exception) when (exception is UpstreamNotConnectedException or PlatformUnavailableException)
            {
                credentialId = null;
            }
        }
        credentials.Invalidate(caller.TenantId, source.Id, caller.SubjectId);
        await sessions.DropWhereAsync(key => key.SourceId == source.Id && key.TenantId == caller.TenantId && key.SubjectId == caller.SubjectId);
        if (credentialId is { } id)
        {
            try
            {
                await clients.Registry.MarkCredentialNeedsReauthAsync(caller.TenantId, id, CancellationToken.None);
                directory.Invalidate(caller.TenantId, caller.SubjectId);
                LogMarkedNeedsReauth(logger, source.Namespace, id);
            }
            catch (HttpRequestException exception)
            {
                LogMarkFailed(logger, source.Namespace, id, (int?)exception.StatusCode);
            }
        }
    }

    private static bool IsOAuth(string authMethod) => authMethod is "oauth" or "client-credentials";

    [LoggerMessage(Level = LogLevel.Information, Message = "Upstream {Namespace} refused the access token of credential {CredentialId}; renewed, calling once more")]
    private static partial void LogRenewed(ILogger logger, string @namespace, Guid? credentialId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream {Namespace} refused credential {CredentialId}; marked as needing re-authorization")]
    private static partial void LogMarkedNeedsReauth(ILogger logger, string @namespace, Guid credentialId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream {Namespace} refused credential {CredentialId}, but marking it failed (HTTP {Status})")]
    private static partial void LogMarkFailed(ILogger logger, string @namespace, Guid credentialId, int? status);
}
