namespace Platform.OAuthBroker.Connect;

/// <summary>
/// The cookie that binds a connect flow to the browser that opened the link: sent only to the callback, never to
/// scripts, and on the provider's redirect back (SameSite=Lax lets a top-level GET carry it).
/// </summary>
public static class BrowserCookie
{
    public const string Name = "platform-connect";

    public static CookieOptions Options(HttpRequest request, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new CookieOptions
        {
            Path = Apis.ClientMetadataApi.CallbackPath,
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = request.IsHttps,
            MaxAge = lifetime,
            IsEssential = true,
        };
    }
}
