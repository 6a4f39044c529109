namespace Platform.OAuthBroker.Apis;

/// <summary>
/// The platform's public base URL (the gateway as browsers and authorization servers reach it): the configured
/// <see cref="OAuthBrokerOptions.PublicBaseUrl"/>, else the request's own scheme and host, which suits a local run.
/// </summary>
public static class PublicBase
{
    public static Uri Of(HttpContext context, OAuthBrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var text = (options.PublicBaseUrl?.GetLeftPart(UriPartial.Path) ?? $"{context.Request.Scheme}://{context.Request.Host}").TrimEnd('/');
        return new Uri(text + "/");
    }
}
