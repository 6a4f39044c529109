using System.Diagnostics;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Platform.Contracts;
using Platform.McpEdge.Audit;
using Platform.McpEdge.Catalog;
using Platform.McpEdge.Server;
using Platform.McpEdge.Upstream;

namespace Platform.McpEdge.Tools;

/// <summary>
/// tools/call: routes the namespaced name to its upstream, calls it as the caller's subject within the install's
/// timeout and the upstream's concurrency bound, relays progress and log messages as they come, and answers every
/// failure as a tool result with <c>isError</c> and a sentence a person can act on. Each call leaves a record for the audit path.
/// </summary>
public sealed class ToolCallHandler(
    CatalogService catalogs,
    UpstreamConnector connector,
    UpstreamConcurrency concurrency,
    PlatformTools platformTools,
    ToolCallAuditQueue audit,
    AuditMetrics metrics,
    UpstreamCallOutcomes outcomes,
    CredentialEchoes echoes,
    ConnectLinks links,
    TimeProvider timeProvider)
{
    public async ValueTask<CallToolResult> CallAsync(EdgeCaller caller, RequestContext<CallToolRequestParams> request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var parameters = request.Params ?? throw new McpProtocolException("tools/call needs params with a tool name.", McpErrorCode.InvalidParams);
        NotificationRelay.CheckLogLevel(request.JsonRpcRequest);
        var call = new CallInProgress(caller, parameters, timeProvider);
        try
        {
            if (PlatformTools.IsPlatformTool(parameters.Name))
            {
                var (answer, audited) = await platformTools.CallAsync(caller, parameters, ct);
                return call.Finish(answer, null, parameters.Name, audited);
            }
            var ns = NamespacedNames.NamespaceOfName(parameters.Name);
            var catalog = ns is null ? null : await catalogs.FindAsync(caller, ns, ct);
            if (catalog is null || (!catalog.Source.IsUsable && catalog.FailureClass != UpstreamFailure.NotConnected))
            {
                call.Reject(catalog?.Source, "unknown-tool");
                throw UnknownTool(parameters.Name);
            }
            var source = catalog.Source;
            if (!catalog.IsAvailable)
            {
                var failureClass = catalog.FailureClass ?? UpstreamFailure.Unavailable;
                return call.Fail(source, parameters.Name, failureClass, catalog.FailureReason!,
                    failureClass == UpstreamFailure.NotConnected || catalog.RequiredScope is not null
                        ? await links.SentenceAsync(caller, source, NonEmpty(catalog.RequiredScope), ct)
                        : null);
            }
            if (!catalog.ToolsByName.TryGetValue(parameters.Name, out var tool) || !source.Exposes(tool.UpstreamName))
            {
                call.Reject(source, "unknown-tool");
                throw UnknownTool(parameters.Name);
            }
            return await CallUpstreamAsync(call, request, source, tool, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            call.Cancel();
            throw;
        }
        finally
        {
            call.Complete(audit, metrics, outcomes);
        }
    }

    /// <summary>
    /// One call upstream; when the upstream refuses an OAuth access token (401), one renewal and one more try (the
    /// request was refused before it ran, so it is not repeated work).
    /// </summary>
    private async Task<CallToolResult> CallUpstreamAsync(
        CallInProgress call, RequestContext<CallToolRequestParams> request, UpstreamSource source, ExposedTool tool, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(source.CallTimeout);
        for (var attempt = 0; ; attempt++)
        {
            UpstreamConnection? connection = null;
            try
            {
                using var slot = await concurrency.EnterAsync(source.Id, timeout.Token);
                connection = await connector.ConnectAsync(call.Caller, source, source.CallTimeout, timeout.Token);
                call.UseCredential(connection.Credential);
                return call.Finish(NamespacedContent.Namespace(echoes.Scrub(await CallOnceAsync(connection, request, tool, timeout.Token, ct), connection.Credential), source.Namespace),
                    source, tool.UpstreamName);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException && !ct.IsCancellationRequested)
            {
                var failure = timeout.IsCancellationRequested ? UpstreamFailure.TimedOut(source, source.CallTimeout) : UpstreamFailure.From(exception, source, connector.ExceededLimit(connection));
                // Before the report, which may drop the cached credential a refused call used.
                var credential = connection?.Credential ?? await connector.CredentialOrNoneAsync(call.Caller, source);
                {
                    try
                    {
                        if (await connector.RetryAfterRenewalAsync(call.Caller, source, failure, credential, attempt, timeout.Token))
                        {
                            continue;
                        }
                    }
                    catch (UpstreamNotConnectedException notConnected)
                    {
                        // The broker has marked the credential; nothing more to report.
                        return call.Fail(source, tool.UpstreamName, UpstreamFailure.NotConnected, notConnected.Message,
                            await links.SentenceAsync(call.Caller, source, scope: null, ct));
                    }
                    catch (PlatformUnavailableException unavailable)
                    {
                        // The renewal could not be asked for: nothing is known against the credential, so nothing is reported.
                        return call.Fail(source, tool.UpstreamName, UpstreamFailure.PlatformUnavailable, unavailable.Message, null);
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                    {
                        failure = UpstreamFailure.TimedOut(source, source.CallTimeout);
                    }
                }
                await connector.ReportAsync(call.Caller, source, failure);
                return call.Fail(source, tool.UpstreamName, failure.ErrorClass, echoes.Scrub(failure.Message, credential),
                    failure.CredentialRejected || failure.RequiredScope is not null ? await links.SentenceAsync(call.Caller, source, NonEmpty(failure.RequiredScope), ct) : null);
            }
            finally
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }
            }
        }
    }

    private static string? NonEmpty(string? scope) => string.IsNullOrWhiteSpace(scope) ? null : scope;

    /// <summary>
    /// The upstream call, with the caller's log level passed on and its notifications relayed: progress when the
    /// caller asked for it, log messages at or above the caller's level.
    /// </summary>
    private Task<CallToolResult> CallOnceAsync(
        UpstreamConnection connection, RequestContext<CallToolRequestParams> request, ExposedTool tool, CancellationToken timeout, CancellationToken ct) =>
        NotificationRelay.SendAsync(request, connection.Credential, echoes, meta =>
            connection.Client.CallToolAsync(new CallToolRequestParams { Name = tool.UpstreamName, Arguments = request.Params!.Arguments, Meta = meta }, timeout), ct);

    private static McpProtocolException UnknownTool(string name) =>
        new($"Unknown tool: '{name}'. Call tools/list (or platform__list_integrations) to see the tools available to you.", McpErrorCode.InvalidParams);

    /// <summary>What the audit record needs, collected as the call goes.</summary>
    private sealed class CallInProgress(EdgeCaller caller, CallToolRequestParams parameters, TimeProvider timeProvider)
    {
        private readonly DateTime _startedAt = timeProvider.GetUtcNow().UtcDateTime;
        private readonly long _started = timeProvider.GetTimestamp();
        private readonly string? _traceId = Activity.Current?.TraceId.ToString();
        private IReadOnlyList<string> _credentialValues = [];
        private UpstreamSource? _source;
        private string _upstreamName = parameters.Name;
        private string _outcome = ToolCallRecord.Failed;
        private string? _errorClass = UpstreamFailure.Unexpected;
        private CallToolResult? _result;

        public EdgeCaller Caller { get; } = caller;

        public void UseCredential(UpstreamCredential credential) => _credentialValues = credential.SecretValues;

        /// <summary>The answer; <paramref name="audited"/>, when given, is what the record keeps of it instead.</summary>
        public CallToolResult Finish(CallToolResult result, UpstreamSource? source, string upstreamName, CallToolResult? audited = null)
        {
            (_source, _upstreamName, _result) = (source, upstreamName, audited ?? result);
            (_outcome, _errorClass) = result.IsError == true ? (ToolCallRecord.ToolError, "tool-error") : (ToolCallRecord.Success, null);
            return result;
        }

        /// <summary>A failure in words; <paramref name="connectSentence"/> (a connect link) goes to the agent, never into the record.</summary>
        public CallToolResult Fail(UpstreamSource source, string upstreamName, string errorClass, string message, string? connectSentence = null)
        {
            _result = new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = message }] };
            (_source, _upstreamName, _outcome, _errorClass) = (source, upstreamName, ToolCallRecord.Failed, errorClass);
            return connectSentence is null ? _result : new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = message + connectSentence }] };
        }

        public void Reject(UpstreamSource? source, string errorClass) =>
            (_source, _outcome, _errorClass) = (source, ToolCallRecord.Rejected, errorClass);

        public void Cancel() => (_outcome, _errorClass) = (ToolCallRecord.Cancelled, "cancelled");

        public void Complete(ToolCallAuditQueue audit, AuditMetrics metrics, UpstreamCallOutcomes outcomes)
        {
            if (_source is { } source)
            {
                if (_outcome is ToolCallRecord.Success or ToolCallRecord.ToolError)
                {
                    outcomes.Succeeded(Caller, source.Id);
                }
                else if (_outcome == ToolCallRecord.Failed && _result?.Content.FirstOrDefault() is TextContentBlock failure)
                {
                    outcomes.Failed(Caller, source.Id, failure.Text);
                }
            }
            var duration = timeProvider.GetElapsedTime(_started);
            metrics.ToolCalls.Add(1, new KeyValuePair<string, object?>("outcome", _outcome));
            metrics.ToolCallDuration.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("outcome", _outcome));
            audit.Enqueue(new ToolCallRecord(
                Caller, _source?.Id ?? ToolCallCompleted.PlatformInstallId, parameters.Name, _upstreamName, _startedAt, timeProvider.GetUtcNow().UtcDateTime,
                (long)duration.TotalMilliseconds, _outcome, _errorClass, parameters.Arguments, _credentialValues, _result, _traceId)
            {
                SourceNamespace = _source?.Namespace,
            });
        }
    }
}
