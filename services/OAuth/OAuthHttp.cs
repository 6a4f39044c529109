using System.Net;
using System.Text.Json;
using Platform.Outbound;

namespace Platform.OAuth;

/// <summary>
/// Every exchange of the engine: through the outbound policy's handler (no redirects followed), bounded by the step
/// timeout, the answer read in full under a size cap, and every failure turned into an <see cref="OAuthException"/>
/// naming the step and the URL (without its query, which may carry a state).
/// </summary>
internal sealed class OAuthHttp(HttpClient client, TimeSpan timeout)
{
    public TimeSpan Timeout => timeout;

    public async Task<HttpResponseMessage> SendAsync(string step, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = Describe(request.RequestUri!);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OAuthException(step, $"{url} did not answer within {timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException ex) when (ex.InnerException is OutboundRefusedException refused)
        {
            throw new OAuthException(step, $"{url}: {OutboundRefusedException.TenantMessage}", refused);
        }
        catch (HttpRequestException ex)
        {
            throw new OAuthException(step, $"{url} could not be reached ({Reason(ex)}).", ex);
        }
    }

    /// <summary>A 2xx JSON object, or an error that says what came instead.</summary>
    public static async Task<JsonElement> ReadJsonObjectAsync(string step, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var url = Describe(response.RequestMessage!.RequestUri!);
        if (!response.IsSuccessStatusCode)
        {
            throw new OAuthException(step, $"{url} answered {(int)response.StatusCode}{await ErrorSuffixAsync(response, cancellationToken).ConfigureAwait(false)}.");
        }
        return await ParseObjectAsync(step, url, response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The body as a JSON object whatever the status (token and registration errors are JSON too).</summary>
    public static async Task<JsonElement> ParseObjectAsync(string step, string url, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || !(mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        {
            throw new OAuthException(step, $"{url} answered {(int)response.StatusCode} with content type {mediaType ?? "(none)"}, not JSON.");
        }
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new OAuthException(step, $"{url} answered JSON that is not an object.");
            }
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new OAuthException(step, $"{url} answered malformed JSON.");
        }
    }

    /// <summary>" with error invalid_grant (description)" from an OAuth error body, or the content type, or nothing.</summary>
    public static async Task<string> ErrorSuffixAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null)
        {
            return "";
        }
        if (!mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return $" ({mediaType})";
        }
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && OAuthJson.String(root, "error") is { } error)
            {
                var description = OAuthJson.String(root, "error_description");
                return description is null ? $" with error {Clip(error)}" : $" with error {Clip(error)} ({Clip(description)})";
            }
        }
        catch (JsonException)
        {
            return " (malformed JSON)";
        }
        return "";
    }

    /// <summary>The <c>error</c> of an OAuth error body (RFC 6749 section 5.2), or null.</summary>
    public static async Task<string?> ErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            return document.RootElement.ValueKind == JsonValueKind.Object && OAuthJson.String(document.RootElement, "error") is { } error ? Clip(error) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Describe(Uri url) => url.GetLeftPart(UriPartial.Path);

    private static string Clip(string text) => text.Length <= 200 ? text : text[..200] + "...";

    private static string Reason(HttpRequestException ex) => ex.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "the name does not resolve",
        HttpRequestError.ConnectionError => "connection refused or reset",
        HttpRequestError.SecureConnectionError => "TLS failed",
        HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded => "an invalid HTTP answer",
        HttpRequestError.ConfigurationLimitExceeded => "the answer is too large",
        _ => ex.StatusCode is HttpStatusCode code ? $"HTTP {(int)code}" : ex.HttpRequestError.ToString(),
    };
}
