using System.Net;
using System.Text.RegularExpressions;

namespace Platform.OAuth.Tests.RealServer;

/// <summary>
/// A person's browser at oidc-provider's development pages, by plain HTTP: follows redirects with cookies, signs in
/// and consents by posting the forms, and stops at the redirect to <c>redirectUri</c> (the callback it returns).
/// </summary>
public static partial class BrowserStandIn
{
    /// <summary>The account the stand-in signs in as unless told otherwise.</summary>
    public const string Login = "alice";

    public static async Task<Uri> ApproveAsync(Uri authorizationUrl, Uri redirectUri, string login = Login)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(15) };
        var url = authorizationUrl;
        HttpResponseMessage response = await browser.GetAsync(url);
        for (var hops = 0; hops < 20; hops++)
        {
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                var location = new Uri(url, response.Headers.Location!);
                response.Dispose();
                if (location.GetLeftPart(UriPartial.Path) == redirectUri.GetLeftPart(UriPartial.Path))
                {
                    return location;
                }
                url = location;
                response = await browser.GetAsync(url);
                continue;
            }
            var html = await response.Content.ReadAsStringAsync();
            response.Dispose();
            var action = new Uri(url, WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value));
            var prompt = PromptField().Match(html).Groups[1].Value;
            var fields = prompt == "login"
                ? new Dictionary<string, string> { ["prompt"] = "login", ["login"] = login, ["password"] = "any" }
                : new Dictionary<string, string> { ["prompt"] = prompt };
            url = action;
            response = await browser.PostAsync(action, new FormUrlEncodedContent(fields));
        }
        throw new InvalidOperationException("The authorization did not come back to the redirect URI within 20 steps.");
    }

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("name=\"prompt\" value=\"([a-z]+)\"")]
    private static partial Regex PromptField();
}
