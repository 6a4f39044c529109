using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Platform.Contracts;
using Platform.McpEdge.Audit;
using Platform.McpEdge.Catalog;
using Platform.McpEdge.Spaces;
using Platform.McpEdge.Upstream;

namespace Platform.McpEdge.Server;

/// <summary>
/// resources/read, prompts/get and completion/complete: the namespace in the URI or name picks the upstream, the
/// install's resource and prompt lists decide whether the request may go (a refused one looks unknown, like a
/// denied tool), the namespace is removed, the request goes upstream as the caller's subject, and URIs in the answer
/// get it back (<see cref="NamespacedContent"/>). The upstream's progress and log messages during the request are
/// relayed to the caller before the answer (<see cref="NotificationRelay"/>, as for tools/call). The caller's
/// credential is hidden wherever the answer, a relayed notification or an error quotes it. Each request leaves an
/// audit record of its kind, whatever its outcome.
/// </summary>
public sealed class ForwardedRequestHandlers(
    CatalogService catalogs, UpstreamConnector connector, CredentialEchoes echoes, SpaceResources spaces, ToolCallAuditQueue audit,
    UpstreamCallOutcomes outcomes, TimeProvider timeProvider)
{
    public const string NotAllowed = "not-allowed";

    public async ValueTask<ReadResourceResult> ReadResourceAsync(EdgeCaller caller, RequestContext<ReadResourceRequestParams> request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.Params?.Uri ?? throw new McpProtocolException("resources/read needs a uri.", McpErrorCode.InvalidParams);
        NotificationRelay.CheckLogLevel(request.JsonRpcRequest);
        var call = new ForwardedCall(caller, ToolCallKinds.Resource, uri, null, timeProvider);
        return await AuditedAsync(call, async () =>
        {
            if (SpaceResources.IsSpaceUri(uri))
            {
                // No upstream: the record names the platform as its source.
                return await spaces.ReadAsync(call.Caller, uri, ct);
            }
            if (!NamespacedNames.TrySplitUri(uri, out var ns, out var upstreamUri))
            {
                call.Reject("unknown-resource");
                throw UnknownResource(uri);
            }
            var source = await AvailableSourceAsync(call, ns, "unknown-resource", () => UnknownResource(uri), ct);
            call.Route(source, upstreamUri);
            if (!source.ExposesResource(upstreamUri))
            {
                call.Reject(NotAllowed);
                throw UnknownResource(uri);
            }
            return NamespacedContent.Namespace(
                await ForwardAsync(call, source, request, (client, meta, token) => client.ReadResourceAsync(new ReadResourceRequestParams { Uri = upstreamUri, Meta = meta }, token), ct), ns);
        }, ct);
    }

    public async ValueTask<GetPromptResult> GetPromptAsync(EdgeCaller caller, RequestContext<GetPromptRequestParams> request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Params?.Name ?? throw new McpProtocolException("prompts/get needs a name.", McpErrorCode.InvalidParams);
        NotificationRelay.CheckLogLevel(request.JsonRpcRequest);
        var arguments = request.Params.Arguments;
        var call = new ForwardedCall(caller, ToolCallKinds.Prompt, name, arguments, timeProvider);
        return await AuditedAsync(call, async () =>
        {
            var (source, upstreamName) = await PromptAsync(call, name, ct);
            return NamespacedContent.Namespace(await ForwardAsync(call, source, request, (client, meta, token) =>
                client.GetPromptAsync(new GetPromptRequestParams { Name = upstreamName, Arguments = arguments, Meta = meta }, token), ct), source.Namespace);
        }, ct);
    }

    public async ValueTask<CompleteResult> CompleteAsync(EdgeCaller caller, RequestContext<CompleteRequestParams> context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Params ?? throw new McpProtocolException("completion/complete needs params.", McpErrorCode.InvalidParams);
        NotificationRelay.CheckLogLevel(context.JsonRpcRequest);
        var target = request.Ref switch
        {
            PromptReference prompt => prompt.Name,
            ResourceTemplateReference { Uri: { } templateUri } => templateUri,
            _ => throw new McpProtocolException("completion/complete needs a ref to a prompt or resource template listed by this server.", McpErrorCode.InvalidParams),
        };
        var call = new ForwardedCall(caller, ToolCallKinds.Completion, target, CompletionArguments(request), timeProvider);
        return await AuditedAsync(call, async () =>
        {
            var (source, reference) = request.Ref is PromptReference
                ? await CompletePromptAsync()
                : await CompleteTemplateAsync();
            return await ForwardAsync(call, source, context, (client, meta, token) =>
                client.CompleteAsync(new CompleteRequestParams { Ref = reference, Argument = request.Argument, Context = request.Context, Meta = meta }, token), ct);
        }, ct);

        async Task<(UpstreamSource, Reference)> CompletePromptAsync()
        {
            var (source, upstreamName) = await PromptAsync(call, target, ct);
            return (source, new PromptReference { Name = upstreamName });
        }

        async Task<(UpstreamSource, Reference)> CompleteTemplateAsync()
        {
            if (!NamespacedNames.TrySplitUri(target, out var ns, out var upstreamUri))
            {
                call.Reject("unknown-resource");
                throw UnknownResource(target);
            }
            var source = await AvailableSourceAsync(call, ns, "unknown-resource", () => UnknownResource(target), ct);
            call.Route(source, upstreamUri);
            if (!source.ExposesResource(upstreamUri))
            {
                call.Reject(NotAllowed);
                throw UnknownResource(target);
            }
            return (source, new ResourceTemplateReference { Uri = upstreamUri });
        }
    }

    /// <summary>Runs the request and hands its audit record over however it ends.</summary>
    private async Task<T> AuditedAsync<T>(ForwardedCall call, Func<Task<T>> run, CancellationToken ct) where T : class
    {
        try
        {
            return call.Succeed(await run());
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            call.Cancel();
            throw;
        }
        finally
        {
            call.Complete(audit);
        }
    }

    private async Task<(UpstreamSource Source, string UpstreamName)> PromptAsync(ForwardedCall call, string name, CancellationToken ct)
    {
        var ns = NamespacedNames.NamespaceOfName(name);
        if (ns is null)
        {
            call.Reject("unknown-prompt");
            throw UnknownPrompt(name);
        }
        var source = await AvailableSourceAsync(call, ns, "unknown-prompt", () => UnknownPrompt(name), ct);
        var upstreamName = name[(ns.Length + NamespacedNames.ToolSeparator.Length)..];
        call.Route(source, upstreamName);
        if (!source.ExposesPrompt(upstreamName))
        {
            call.Reject(NotAllowed);
            throw UnknownPrompt(name);
        }
        return (source, upstreamName);
    }

    private async Task<UpstreamSource> AvailableSourceAsync(ForwardedCall call, string ns, string unknownClass, Func<McpProtocolException> unknown, CancellationToken ct)
    {
        var catalog = await catalogs.FindAsync(call.Caller, ns, ct);
        if (catalog is null)
        {
            call.Reject(unknownClass);
            throw unknown();
        }
        call.Route(catalog.Source, ns);
        if (!catalog.IsAvailable)
        {
            if (catalog.Source.IsUsable || catalog.FailureClass == UpstreamFailure.NotConnected)
            {
                call.Fail(catalog.FailureClass ?? UpstreamFailure.Unavailable);
                throw new McpProtocolException(catalog.FailureReason!, McpErrorCode.InternalError);
            }
            call.Reject(unknownClass);
            throw unknown();
        }
        return catalog.Source;
    }

    /// <summary>
    /// Sends the request upstream (<paramref name="send"/> gets the <c>_meta</c> for it, which carries the caller's log
    /// level and, when asked for, a progress token) and relays its notifications to the caller of <paramref name="request"/>.
    /// </summary>
    private async Task<T> ForwardAsync<TParams, T>(
        ForwardedCall call, UpstreamSource source, RequestContext<TParams> request, Func<McpClient, JsonObject, CancellationToken, ValueTask<T>> send, CancellationToken ct)
        where TParams : RequestParams
        where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(source.CallTimeout);
        UpstreamConnection? connection = null;
        try
        {
            connection = await connector.ConnectAsync(call.Caller, source, source.CallTimeout, timeout.Token);
            call.UseCredential(connection.Credential);
            var client = connection.Client;
            var answer = echoes.Scrub(
                await NotificationRelay.SendAsync(request, connection.Credential, echoes, meta => send(client, meta, timeout.Token), ct), connection.Credential);
            outcomes.Succeeded(call.Caller, source.Id);
            return answer;
        }
        catch (McpProtocolException exception) when (!ct.IsCancellationRequested)
        {
            // The upstream's own JSON-RPC error (unknown prompt, bad argument): passed on, minus any credential it quotes.
            call.UpstreamError();
            var credential = connection?.Credential ?? await connector.CredentialOrNoneAsync(call.Caller, source);
            var message = echoes.Scrub(exception.Message, credential);
            outcomes.Failed(call.Caller, source.Id, message);
            throw new McpProtocolException(message, exception.ErrorCode);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException && !ct.IsCancellationRequested)
        {
            var failure = timeout.IsCancellationRequested ? UpstreamFailure.TimedOut(source, source.CallTimeout) : UpstreamFailure.From(exception, source, connector.ExceededLimit(connection));
            await connector.ReportAsync(call.Caller, source, failure);
            call.Fail(failure.ErrorClass);
            var credential = connection?.Credential ?? await connector.CredentialOrNoneAsync(call.Caller, source);
            var message = echoes.Scrub(failure.Message, credential);
            outcomes.Failed(call.Caller, source.Id, message);
            throw new McpProtocolException(message, McpErrorCode.InternalError);
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>What a completion asks, for the audit: the argument being completed (and the context, if any).</summary>
    private static Dictionary<string, JsonElement> CompletionArguments(CompleteRequestParams request)
    {
        var arguments = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["argument"] = JsonSerializer.SerializeToElement(request.Argument, McpJsonUtilities.DefaultOptions.GetTypeInfo(request.Argument.GetType())),
        };
        if (request.Context is { } context)
        {
            arguments["context"] = JsonSerializer.SerializeToElement(context, McpJsonUtilities.DefaultOptions.GetTypeInfo(context.GetType()));
        }
        return arguments;
    }

    private static McpProtocolException UnknownResource(string uri) =>
        new($"Unknown resource: '{uri}'. Use a URI from resources/list or resources/templates/list.", McpErrorCode.ResourceNotFound);

    private static McpProtocolException UnknownPrompt(string name) =>
        new($"Unknown prompt: '{name}'. Call prompts/list to see the prompts available to you.", McpErrorCode.InvalidParams);
}
