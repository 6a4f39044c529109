using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.WebhookIngress.Diagnostics;
using Platform.Messaging.Outbox;
using Platform.WebhookIngress.Receiving;
using Platform.WebhookIngress.Routes;
using Platform.WebhookIngress.Tests.Support;
using Platform.WebhookIngress.Verification;

namespace Platform.WebhookIngress.Tests.Receiving;

public sealed class WebhookReceiverTests : IDisposable
{
    private const string Tenant = "acme";
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly string Secret = "whsec_" + Convert.ToBase64String(Key);
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly MetricRecorder _metrics = new();
    private readonly RecordingEventStore _store = new();
    private readonly WebhookReceiver _receiver;
    private readonly WebhookRoute _route = NewRoute("orders", WebhookSchemes.StandardWebhooks, enabled: true, maxPayloadBytes: 1024);
    private readonly WebhookRoute _disabled = NewRoute("paused", WebhookSchemes.StandardWebhooks, enabled: false, maxPayloadBytes: 1024);
    private readonly WebhookRoute _revoked = NewRoute("revoked", WebhookSchemes.StandardWebhooks, enabled: true, maxPayloadBytes: 1024);
    private readonly WebhookRoute _slack = NewRoute("slack", WebhookSchemes.Slack, enabled: true, maxPayloadBytes: 1024);

    public WebhookReceiverTests()
    {
        var secrets = new Dictionary<Guid, string> { [_route.SecretId] = Secret, [_disabled.SecretId] = Secret, [_slack.SecretId] = "slack-signing-secret-0123456789" };
        _receiver = new WebhookReceiver(
            new FakeRouteDirectory(Tenant, _route, _disabled, _revoked, _slack),
            new FakeSecretSource(secrets),
            WebhookVerifiers.CreateDefault(),
            _store,
            new OutboxSignal(),
            new WebhookIngressMetrics(_metrics.Factory),
            new FixedTimeProvider(Now),
            NullLogger<WebhookReceiver>.Instance);
    }

    public void Dispose() => _metrics.Dispose();

    [Fact]
    public async Task Accepts_a_signed_request_once_and_acknowledges_its_repeat_with_the_same_event_id()
    {
        var first = await ReceiveAsync("orders", SignedRequest("msg_1", """{"n":1}"""));
        var repeat = await ReceiveAsync("orders", SignedRequest("msg_1", """{"n":1}"""));

        var accepted = Assert.IsType<ReceiveOutcome.Accepted>(first);
        Assert.False(accepted.Duplicate);
        Assert.Equal(new ReceiveOutcome.Accepted(accepted.EventId, Duplicate: true), repeat);
        var written = Assert.Single(_store.Written);
        Assert.Equal("msg_1", written.SenderEventId);
        Assert.Equal("""{"n":1}""", Encoding.UTF8.GetString(written.Payload.Span));
        Assert.Equal("msg_1", written.Headers["webhook-id"]);
        Assert.DoesNotContain("webhook-signature", written.Headers.Keys);
        Assert.Equal(1, _metrics.Sum(WebhookIngressMetrics.AcceptedCounter, "duplicate", false));
        Assert.Equal(1, _metrics.Sum(WebhookIngressMetrics.AcceptedCounter, "duplicate", true));
    }

    public static TheoryData<string, string, int> BadRequests => new()
    {
        { "unknown-tenant", "unknown_tenant", 404 },
        { "unknown-route", "unknown_route", 404 },
        { "bad-slug", "unknown_route", 404 },
        { "disabled", "route_disabled", 403 },
        { "too-large", "payload_too_large", 413 },
        { "too-large-chunked", "payload_too_large", 413 },
        { "missing-signature", "invalid_signature", 401 },
        { "wrong-signature", "invalid_signature", 401 },
        { "other-key", "invalid_signature", 401 },
        { "stale", "stale_timestamp", 401 },
        { "future", "stale_timestamp", 401 },
        { "bad-timestamp", "malformed_headers", 400 },
        { "repeated-id", "malformed_headers", 400 },
        { "not-utf8", "body_not_utf8", 400 },
        { "revoked-secret", "secret_unavailable", 403 },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Refuses_bad_input_with_its_status_counts_the_reason_and_writes_nothing(string @case, string reason, int status)
    {
        var (tenant, route, request) = BadRequest(@case);

        var outcome = await _receiver.ReceiveAsync(tenant, route, request, CancellationToken.None);

        var rejected = Assert.IsType<ReceiveOutcome.Rejected>(outcome);
        Assert.Equal(status, rejected.Reason.StatusCode());
        Assert.Equal(reason, rejected.Reason.MetricTag());
        Assert.Equal(1, _metrics.Sum(WebhookIngressMetrics.RejectedCounter, "reason", reason));
        Assert.Equal(1, _metrics.Sum(WebhookIngressMetrics.RejectedCounter));
        Assert.Empty(_store.Written);
        Assert.DoesNotContain(Secret, rejected.Reason.PublicReason(), StringComparison.Ordinal);
    }

    [Fact]
    public void Public_reasons_say_nothing_about_which_part_of_a_signature_failed_or_whether_a_tenant_exists()
    {
        Assert.Equal(RejectionReason.UnknownTenant.PublicReason(), RejectionReason.UnknownRoute.PublicReason());
        Assert.Equal(RejectionReason.UnknownTenant.StatusCode(), RejectionReason.UnknownRoute.StatusCode());
        Assert.Equal((int)HttpStatusCode.Unauthorized, RejectionReason.InvalidSignature.StatusCode());
        foreach (var reason in Enum.GetValues<RejectionReason>())
        {
            Assert.True(reason.PublicReason().Length < 60, $"{reason}: keep reasons short");
            Assert.DoesNotContain("expected", reason.PublicReason(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Answers_a_signed_Slack_url_verification_with_its_challenge_and_stores_nothing()
    {
        const string body = """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""";
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("slack-signing-secret-0123456789"), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        var request = Request(Encoding.UTF8.GetBytes(body), ("X-Slack-Request-Timestamp", timestamp), ("X-Slack-Signature", signature));

        var outcome = await ReceiveAsync("slack", request);

        Assert.Equal(new ReceiveOutcome.Challenge("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), outcome);
        Assert.Empty(_store.Written);

        var unsigned = Request(Encoding.UTF8.GetBytes(body), ("X-Slack-Request-Timestamp", timestamp), ("X-Slack-Signature", "v0=00"));
        Assert.IsType<ReceiveOutcome.Rejected>(await ReceiveAsync("slack", unsigned));
    }

    private Task<ReceiveOutcome> ReceiveAsync(string route, HttpRequest request) =>
        _receiver.ReceiveAsync(Tenant, route, request, CancellationToken.None);

    private (string Tenant, string Route, HttpRequest Request) BadRequest(string @case)
    {
        var ts = Now.ToUnixTimeSeconds();
        return @case switch
        {
            "unknown-tenant" => ("globex", "orders", SignedRequest("m", "{}")),
            "unknown-route" => (Tenant, "invoices", SignedRequest("m", "{}")),
            "bad-slug" => (Tenant, "../orders", SignedRequest("m", "{}")),
            "disabled" => (Tenant, "paused", SignedRequest("m", "{}")),
            "too-large" => (Tenant, "orders", SignedRequest("m", new string('x', 1025))),
            "too-large-chunked" => (Tenant, "orders", WithoutContentLength(SignedRequest("m", new string('x', 5000)))),
            "missing-signature" => (Tenant, "orders", Request("{}"u8.ToArray(), ("webhook-id", "m"), ("webhook-timestamp", ts.ToString(CultureInfo.InvariantCulture)))),
            "wrong-signature" => (Tenant, "orders", WithHeader(SignedRequest("m", "{}"), "webhook-signature", "v1," + Convert.ToBase64String(new byte[32]))),
            "other-key" => (Tenant, "orders", SignedRequest("m", "{}", key: RandomNumberGenerator.GetBytes(32))),
            "stale" => (Tenant, "orders", SignedRequest("m", "{}", timestamp: ts - 301)),
            "future" => (Tenant, "orders", SignedRequest("m", "{}", timestamp: ts + 301)),
            "bad-timestamp" => (Tenant, "orders", WithHeader(SignedRequest("m", "{}"), "webhook-timestamp", "yesterday")),
            "repeated-id" => (Tenant, "orders", AppendHeader(SignedRequest("m", "{}"), "webhook-id", "m")),
            "not-utf8" => (Tenant, "orders", SignedRequest("m", [0x7B, 0xC3, 0x28, 0x7D])),
            "revoked-secret" => (Tenant, "revoked", SignedRequest("m", "{}")),
            _ => throw new ArgumentOutOfRangeException(nameof(@case)),
        };
    }

    private static HttpRequest SignedRequest(string id, string body, long? timestamp = null, byte[]? key = null) =>
        SignedRequest(id, Encoding.UTF8.GetBytes(body), timestamp, key);

    private static HttpRequest SignedRequest(string id, byte[] body, long? timestamp = null, byte[]? key = null)
    {
        var ts = (timestamp ?? Now.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        byte[] signed = [.. Encoding.UTF8.GetBytes($"{id}.{ts}."), .. body];
        var signature = HMACSHA256.HashData(key ?? Key, signed);
        return Request(body, ("webhook-id", id), ("webhook-timestamp", ts), ("webhook-signature", "v1," + Convert.ToBase64String(signature)));
    }

    private static HttpRequest Request(byte[] body, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        context.Request.ContentType = "application/json";
        foreach (var (name, value) in headers)
        {
            context.Request.Headers.Append(name, value);
        }
        return context.Request;
    }

    private static HttpRequest WithHeader(HttpRequest request, string name, string value)
    {
        request.Headers[name] = value;
        return request;
    }

    private static HttpRequest AppendHeader(HttpRequest request, string name, string value)
    {
        request.Headers.Append(name, value);
        return request;
    }

    private static HttpRequest WithoutContentLength(HttpRequest request)
    {
        request.ContentLength = null;
        return request;
    }

    private static WebhookRoute NewRoute(string slug, string scheme, bool enabled, int maxPayloadBytes) =>
        new(Guid.NewGuid(), Guid.NewGuid(), slug, Guid.NewGuid(), scheme, Guid.NewGuid(), "requester@acme", "subject-1",
            maxPayloadBytes, RouteLimits.DefaultTimestampToleranceSeconds, enabled, Now, Now);

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
