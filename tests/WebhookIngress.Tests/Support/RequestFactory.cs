using System.Text;
using Microsoft.AspNetCore.Http;
using Platform.WebhookIngress.Verification;

namespace Platform.WebhookIngress.Tests.Support;

/// <summary>Builds verification requests from header pairs and a UTF-8 body.</summary>
public static class RequestFactory
{
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static WebhookVerificationRequest Create(
        string secret, string body, DateTimeOffset now, params (string Name, string Value)[] headers) =>
        Create(secret, Encoding.UTF8.GetBytes(body), now, headers);

    public static WebhookVerificationRequest Create(
        string secret, byte[] body, DateTimeOffset now, params (string Name, string Value)[] headers)
    {
        var dictionary = new HeaderDictionary();
        foreach (var (name, value) in headers)
        {
            dictionary.Append(name, value);
        }
        return new WebhookVerificationRequest(dictionary, body, secret, now, DefaultTolerance);
    }

    public static DateTimeOffset At(long unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
}
