using System.Text;

namespace Platform.Tests.Webhooks;

/// <summary>Makes one request at a time: pure noise, a correctly signed request, or a signed request with a few mutations.</summary>
public sealed class FuzzRequestGenerator(Random random, string tenantSlug, IReadOnlyList<WebhookRouteDto> routes, IReadOnlyList<string> secrets)
{
    private const string Printable = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~!$&'()*+,;=:@ /?#[]%\"<>\\^`{|}";

    private static readonly string[] HeaderNames =
    [
        "webhook-id", "webhook-timestamp", "webhook-signature", "X-Hub-Signature-256", "X-GitHub-Delivery", "X-GitHub-Event",
        "X-Slack-Signature", "X-Slack-Request-Timestamp", "Stripe-Signature", "X-Webhook-Id", "X-Webhook-Timestamp",
        "X-Webhook-Signature", "Content-Type", "X-Random",
    ];

    private int _counter;

    public HttpRequestMessage Next() => random.Next(10) switch
    {
        0 or 1 => Noise(),
        2 => Signed(),
        _ => Mutate(Signed()),
    };

    private HttpRequestMessage Noise()
    {
        var path = random.Next(4) switch
        {
            0 => $"/webhooks/{Token(1, 20)}/{Token(1, 20)}",
            1 => $"/webhooks/{tenantSlug}/{Token(1, 70)}",
            2 => $"/webhooks/{Uri.EscapeDataString(Token(1, 10))}/{Uri.EscapeDataString(Token(1, 10))}/{Token(1, 5)}",
            _ => $"/webhooks/{tenantSlug}/{routes[random.Next(routes.Count)].Slug}",
        };
        var request = WebhookSigner.Post(path, Bytes(random.Next(0, 6000)));
        for (var i = random.Next(0, 6); i > 0; i--)
        {
            request.Headers.TryAddWithoutValidation(HeaderNames[random.Next(HeaderNames.Length)], Token(0, 300));
        }
        return request;
    }

    private HttpRequestMessage Signed()
    {
        var index = random.Next(routes.Count);
        var route = routes[index];
        var id = $"fuzz-{Interlocked.Increment(ref _counter)}-{random.Next()}";
        var body = $$"""{"id":"evt_{{id}}","event_id":"Ev{{id}}","n":{{random.Next()}},"text":"{{Token(0, 200).Replace("\\", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal)}}"}""";
        return route.Scheme switch
        {
            "standard-webhooks" => WebhookSigner.StandardWebhooks(route.Path, secrets[index], id, body),
            "github" => WebhookSigner.GitHub(route.Path, secrets[index], id, body),
            "slack" => WebhookSigner.Slack(route.Path, secrets[index], body),
            "stripe" => WebhookSigner.Stripe(route.Path, secrets[index], body),
            _ => WebhookSigner.SharedSecret(route.Path, secrets[index], id, body),
        };
    }

    private HttpRequestMessage Mutate(HttpRequestMessage request)
    {
        var body = request.Content!.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        for (var mutations = random.Next(1, 4); mutations > 0; mutations--)
        {
            switch (random.Next(11))
            {
                case 0 when body.Length > 0:
                    body[random.Next(body.Length)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    body = body[..random.Next(body.Length + 1)];
                    break;
                case 2:
                    body = [.. body, .. Bytes(random.Next(1, 5000))];
                    break;
                case 3 when headers.Count > 0:
                    headers.Remove(headers.Keys.ElementAt(random.Next(headers.Count)));
                    break;
                case 4 when headers.Count > 0:
                    var key = headers.Keys.ElementAt(random.Next(headers.Count));
                    headers[key] = Token(0, 120);
                    break;
                case 5 when headers.Count > 0:
                    var name = headers.Keys.ElementAt(random.Next(headers.Count));
                    headers[name] = headers[name] + "," + headers[name];
                    break;
                case 6:
                    headers[HeaderNames[random.Next(HeaderNames.Length)]] = random.Next(3) switch
                    {
                        0 => "-1",
                        1 => "99999999999999999999999",
                        _ => "0",
                    };
                    break;
                case 7:
                    body = [0xC3, 0x28, .. body, 0xFF];
                    break;
                case 8:
                    headers["X-Random"] = Token(1, 50);
                    break;
                case 9:
                    request.RequestUri = new Uri(request.RequestUri!.OriginalString.ToUpperInvariant(), UriKind.Relative);
                    break;
                default:
                    body = Encoding.UTF8.GetBytes(new string('x', random.Next(4000, 6000)));
                    break;
            }
        }
        var mutated = WebhookSigner.Post(request.RequestUri!.OriginalString, body, [.. headers.Select(h => (h.Key, h.Value))]);
        request.Dispose();
        return mutated;
    }

    private string Token(int min, int max)
    {
        var length = random.Next(min, max + 1);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Printable[random.Next(Printable.Length)];
        }
        return new string(chars).Trim();
    }

    private byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
