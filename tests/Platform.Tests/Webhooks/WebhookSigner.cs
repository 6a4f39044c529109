using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Tests.Webhooks;

/// <summary>Builds signed requests the way each sender does, independently of the service's verifiers.</summary>
public static class WebhookSigner
{
    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Standard Webhooks v1: HMAC-SHA256 keyed by the base64 after <c>whsec_</c>, over <c>{id}.{timestamp}.{body}</c>.</summary>
    public static HttpRequestMessage StandardWebhooks(string path, string secret, string id, byte[] body, string? timestamp = null)
    {
        var ts = timestamp ?? Now();
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signature = HMACSHA256.HashData(key, Concat($"{id}.{ts}.", body));
        return Post(path, body, ("webhook-id", id), ("webhook-timestamp", ts), ("webhook-signature", "v1," + Convert.ToBase64String(signature)));
    }

    public static HttpRequestMessage StandardWebhooks(string path, string secret, string id, string body, string? timestamp = null) =>
        StandardWebhooks(path, secret, id, Encoding.UTF8.GetBytes(body), timestamp);

    /// <summary>The platform's own scheme: <c>X-Webhook-Signature: sha256=hex(HMAC(secret, "{id}.{timestamp}.{body}"))</c>.</summary>
    public static HttpRequestMessage SharedSecret(string path, string secret, string id, string body)
    {
        var ts = Now();
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Concat($"{id}.{ts}.", bytes));
        return Post(path, bytes, ("X-Webhook-Id", id), ("X-Webhook-Timestamp", ts), ("X-Webhook-Signature", "sha256=" + Convert.ToHexStringLower(signature)));
    }

    public static HttpRequestMessage GitHub(string path, string secret, string delivery, string body, string @event = "push")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), bytes);
        return Post(path, bytes, ("X-GitHub-Delivery", delivery), ("X-GitHub-Event", @event), ("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(signature)));
    }

    public static HttpRequestMessage Slack(string path, string secret, string body, string? timestamp = null)
    {
        var ts = timestamp ?? Now();
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Concat($"v0:{ts}:", bytes));
        return Post(path, bytes, ("X-Slack-Request-Timestamp", ts), ("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(signature)));
    }

    public static HttpRequestMessage Stripe(string path, string secret, string body)
    {
        var ts = Now();
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Concat($"{ts}.", bytes));
        return Post(path, bytes, ("Stripe-Signature", $"t={ts},v1={new string('0', 64)},v1={Convert.ToHexStringLower(signature)},v0=ignored"));
    }

    public static HttpRequestMessage Post(string path, byte[] body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    private static byte[] Concat(string prefix, byte[] body) => [.. Encoding.UTF8.GetBytes(prefix), .. body];
}
