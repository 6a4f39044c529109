using System.Collections.Concurrent;
using System.Text.Json;

namespace Platform.Tests.McpEdge;

/// <summary>
/// The HTTP pipeline under an SDK client that keeps, per response, the JSON-RPC messages in the order they were on
/// the wire (the SDK's client hands each message to its own task, so its handlers cannot tell the order). Each body
/// is read whole and handed on unchanged.
/// </summary>
public sealed class WireRecorder() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentQueue<IReadOnlyList<JsonElement>> _responses = new();

    public IReadOnlyCollection<IReadOnlyList<JsonElement>> Responses => _responses;

    /// <summary>The messages of each response that answered a tools/call (its last message is a result with content).</summary>
    public IReadOnlyList<IReadOnlyList<JsonElement>> ToolCalls => Answers("content");

    /// <summary>
    /// The messages of each response whose last message is a result with <paramref name="resultProperty"/>
    /// (<c>contents</c> for resources/read, <c>messages</c> for prompts/get, <c>completion</c> for completion/complete).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<JsonElement>> Answers(string resultProperty) =>
        [.. _responses.Where(messages => messages.Count > 0 && messages[^1].TryGetProperty("result", out var result) && result.TryGetProperty(resultProperty, out _))];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var original = response.Content;
        if (original.Headers.ContentType?.MediaType is not ("text/event-stream" or "application/json"))
        {
            return response;
        }
        var body = await original.ReadAsStringAsync(cancellationToken);
        _responses.Enqueue(new McpHttpResponse(response.StatusCode, original.Headers.ContentType.MediaType, new Dictionary<string, string>(), body).Messages);
        var copy = new StringContent(body);
        copy.Headers.Clear();
        foreach (var header in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        copy.Headers.ContentLength = null;
        response.Content = copy;
        return response;
    }

    /// <summary>The method of a notification ("" for a response).</summary>
    public static string Method(JsonElement message) => message.TryGetProperty("method", out var method) ? method.GetString()! : "";
}
