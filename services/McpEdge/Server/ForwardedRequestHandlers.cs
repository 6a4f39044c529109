using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Platform.McpEdge.Catalog;
using Platform.McpEdge.Upstream;

namespace Platform.McpEdge.Server;

/// <summary>
/// resources/read, prompts/get and completion/complete: the namespace in the URI or name picks the upstream, the
/// namespace is removed, the request goes upstream as the caller's subject, and URIs in the answer get it back.
/// The caller's credential is hidden wherever the answer or an error quotes it.
/// </summary>
public sealed class ForwardedRequestHandlers(CatalogService catalogs, UpstreamConnector connector, CredentialEchoes echoes)
{
    public async ValueTask<ReadResourceResult> ReadResourceAsync(EdgeCaller caller, ReadResourceRequestParams? request, CancellationToken ct)
    {
        var uri = request?.Uri ?? throw new McpProtocolException("resources/read needs a uri.", McpErrorCode.InvalidParams);
        if (!NamespacedNames.TrySplitUri(uri, out var ns, out var upstreamUri))
        {
            throw UnknownResource(uri);
        }
        var source = await AvailableSourceAsync(caller, ns, () => UnknownResource(uri), ct);
        var result = await ForwardAsync(caller, source, (client, token) => client.ReadResourceAsync(new ReadResourceRequestParams { Uri = upstreamUri }, token), ct);
        foreach (var contents in result.Contents)
        {
            contents.Uri = NamespacedNames.Uri(ns, contents.Uri);
        }
        return result;
    }

    public async ValueTask<GetPromptResult> GetPromptAsync(EdgeCaller caller, GetPromptRequestParams? request, CancellationToken ct)
    {
        var name = request?.Name ?? throw new McpProtocolException("prompts/get needs a name.", McpErrorCode.InvalidParams);
        var (source, upstreamName) = await SplitNameAsync(caller, name, () => UnknownPrompt(name), ct);
        return await ForwardAsync(caller, source, (client, token) =>
            client.GetPromptAsync(new GetPromptRequestParams { Name = upstreamName, Arguments = request.Arguments }, token), ct);
    }

    public async ValueTask<CompleteResult> CompleteAsync(EdgeCaller caller, CompleteRequestParams? request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (request is null)
        {
            throw new McpProtocolException("completion/complete needs params.", McpErrorCode.InvalidParams);
        }
        (UpstreamSource Source, Reference Reference) target = request.Ref switch
        {
            PromptReference prompt => await SplitPromptAsync(prompt),
            ResourceTemplateReference { Uri: { } templateUri } when NamespacedNames.TrySplitUri(templateUri, out var ns, out var upstreamUri) =>
                (await AvailableSourceAsync(caller, ns, () => UnknownResource(templateUri), ct), new ResourceTemplateReference { Uri = upstreamUri }),
            _ => throw new McpProtocolException("completion/complete needs a ref to a prompt or resource template listed by this server.", McpErrorCode.InvalidParams),
        };
        return await ForwardAsync(caller, target.Source, (client, token) =>
            client.CompleteAsync(new CompleteRequestParams { Ref = target.Reference, Argument = request.Argument, Context = request.Context }, token), ct);

        async Task<(UpstreamSource, Reference)> SplitPromptAsync(PromptReference prompt)
        {
            var (source, upstreamName) = await SplitNameAsync(caller, prompt.Name, () => UnknownPrompt(prompt.Name), ct);
            return (source, new PromptReference { Name = upstreamName });
        }
    }

    private async Task<(UpstreamSource Source, string UpstreamName)> SplitNameAsync(EdgeCaller caller, string name, Func<McpProtocolException> unknown, CancellationToken ct)
    {
        var ns = NamespacedNames.NamespaceOfName(name) ?? throw unknown();
        var source = await AvailableSourceAsync(caller, ns, unknown, ct);
        return (source, name[(ns.Length + NamespacedNames.ToolSeparator.Length)..]);
    }

    private async Task<UpstreamSource> AvailableSourceAsync(EdgeCaller caller, string ns, Func<McpProtocolException> unknown, CancellationToken ct)
    {
        var catalog = await catalogs.FindAsync(caller, ns, ct) ?? throw unknown();
        if (!catalog.IsAvailable)
        {
            throw catalog.Source.IsUsable || catalog.FailureClass == UpstreamFailure.NotConnected
                ? new McpProtocolException(catalog.FailureReason!, McpErrorCode.InternalError)
                : unknown();
        }
        return catalog.Source;
    }

    private async Task<T> ForwardAsync<T>(EdgeCaller caller, UpstreamSource source, Func<McpClient, CancellationToken, ValueTask<T>> send, CancellationToken ct)
        where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(source.CallTimeout);
        UpstreamConnection? connection = null;
        try
        {
            connection = await connector.ConnectAsync(caller, source, source.CallTimeout, timeout.Token);
            return echoes.Scrub(await send(connection.Client, timeout.Token), connection.Credential);
        }
        catch (McpProtocolException exception) when (!ct.IsCancellationRequested)
        {
            // The upstream's own JSON-RPC error (unknown prompt, bad argument): passed on, minus any credential it quotes.
            var credential = connection?.Credential ?? await connector.CredentialOrNoneAsync(caller, source);
            throw new McpProtocolException(echoes.Scrub(exception.Message, credential), exception.ErrorCode);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException && !ct.IsCancellationRequested)
        {
            var failure = timeout.IsCancellationRequested ? UpstreamFailure.TimedOut(source, source.CallTimeout) : UpstreamFailure.From(exception, source);
            var credential = connection?.Credential ?? await connector.CredentialOrNoneAsync(caller, source);
            await connector.ReportAsync(caller, source, failure);
            throw new McpProtocolException(echoes.Scrub(failure.Message, credential), McpErrorCode.InternalError);
        }
    }

    private static McpProtocolException UnknownResource(string uri) =>
        new($"Unknown resource: '{uri}'. Use a URI from resources/list or resources/templates/list.", McpErrorCode.ResourceNotFound);

    private static McpProtocolException UnknownPrompt(string name) =>
        new($"Unknown prompt: '{name}'. Call prompts/list to see the prompts available to you.", McpErrorCode.InvalidParams);
}
