namespace Platform.OAuthBroker.Pages;

/// <summary>Which requests are a person's browser on a page of the connect flow (answered in HTML, never problem JSON).</summary>
public static class BrowserPages
{
    /// <summary>A request that accepts <c>text/html</c> (a browser navigating); programs get JSON.</summary>
    public static bool Wanted(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Accept.Any(value => value?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
    }

    /// <summary>The connect pages and the callback, when a browser is on them.</summary>
    public static bool IsPageRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (request.Path.StartsWithSegments("/connect") || request.Path.Equals(Apis.ClientMetadataApi.CallbackPath, StringComparison.Ordinal)) && Wanted(request);
    }
}
