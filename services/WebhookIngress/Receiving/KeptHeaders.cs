using Microsoft.AspNetCore.Http;

namespace Platform.WebhookIngress.Receiving;

/// <summary>
/// The request headers worth keeping with an event: what it is and who sent it. Never credentials, cookies or
/// signatures; values with control characters or over 512 characters are dropped.
/// </summary>
public static class KeptHeaders
{
    private const int MaxValueLength = 512;

    private static readonly string[] Names =
    [
        "Content-Type", "User-Agent",
        "webhook-id", "webhook-timestamp",
        "X-GitHub-Event", "X-GitHub-Delivery", "X-GitHub-Hook-ID", "X-GitHub-Hook-Installation-Target-ID", "X-GitHub-Hook-Installation-Target-Type",
        "X-Slack-Request-Timestamp", "X-Slack-Retry-Num", "X-Slack-Retry-Reason",
        "X-Webhook-Id", "X-Webhook-Timestamp", "X-Webhook-Event",
    ];

    public static IReadOnlyDictionary<string, string> From(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Names)
        {
            var values = headers[name];
            if (values.Count == 1 && values[0] is { Length: > 0 and <= MaxValueLength } value && value.All(c => c is >= ' ' and <= '~'))
            {
                kept[name.ToLowerInvariant()] = value;
            }
        }
        return kept;
    }
}
