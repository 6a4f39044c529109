using Microsoft.AspNetCore.Http;
using Npgsql;
using Platform.WebhookIngress.Data;
using Platform.WebhookIngress.Diagnostics;
using Platform.Messaging.Outbox;
using Platform.WebhookIngress.Routes;
using Platform.WebhookIngress.Verification;

namespace Platform.WebhookIngress.Receiving;

/// <summary>
/// One webhook, start to end: find the route, bound the body, verify the signature on the raw bytes, check the
/// timestamp, dedupe, and commit event + outbox row before answering. Every refusal is counted by reason and
/// writes nothing.
/// </summary>
public sealed partial class WebhookReceiver(
    IWebhookRouteDirectory routes,
    ISigningSecretSource secrets,
    WebhookVerifiers verifiers,
    IWebhookEventStore events,
    OutboxSignal outboxSignal,
    WebhookIngressMetrics metrics,
    TimeProvider timeProvider,
    ILogger<WebhookReceiver> logger)
{
    public async Task<ReceiveOutcome> ReceiveAsync(string tenantSlug, string routeSlug, HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await ReceiveCoreAsync(tenantSlug, routeSlug, request, ct);
        }
        catch (Exception exception) when (!ct.IsCancellationRequested && exception is HttpRequestException or NpgsqlException or TimeoutException or TaskCanceledException)
        {
            LogDependencyUnavailable(logger, exception.GetType().Name);
            return Reject(RejectionReason.DependencyUnavailable);
        }
    }

    private async Task<ReceiveOutcome> ReceiveCoreAsync(string tenantSlug, string routeSlug, HttpRequest request, CancellationToken ct)
    {
        if (!IsTenantSlug(tenantSlug) || !RouteLimits.Slug().IsMatch(routeSlug))
        {
            return Reject(RejectionReason.UnknownRoute);
        }
        var lookup = await routes.FindAsync(tenantSlug, routeSlug, ct);
        if (lookup.Route is not { } route)
        {
            return Reject(lookup.TenantFound ? RejectionReason.UnknownRoute : RejectionReason.UnknownTenant);
        }
        if (!route.Enabled)
        {
            return Reject(RejectionReason.RouteDisabled);
        }
        byte[]? body;
        try
        {
            body = await RequestBodyReader.ReadAsync(request, route.MaxPayloadBytes, ct);
        }
        catch (BadHttpRequestException)
        {
            return Reject(RejectionReason.UnreadableBody);
        }
        if (body is null)
        {
            return Reject(RejectionReason.PayloadTooLarge);
        }
        if (await secrets.GetAsync(route.TenantId, route.SecretId, ct) is not { } secret)
        {
            return Reject(RejectionReason.SecretUnavailable);
        }
        var now = timeProvider.GetUtcNow();
        var verification = verifiers.Get(route.Scheme).Verify(new WebhookVerificationRequest(request.Headers, body, secret, now, route.TimestampTolerance));
        switch (verification.Outcome)
        {
            case VerificationOutcome.MalformedHeaders:
                return Reject(RejectionReason.MalformedHeaders);
            case VerificationOutcome.InvalidSignature:
                return Reject(RejectionReason.InvalidSignature);
            case VerificationOutcome.StaleTimestamp:
                return Reject(RejectionReason.StaleTimestamp);
        }
        if (!IsUtf8(body))
        {
            return Reject(RejectionReason.BodyNotUtf8);
        }
        if (route.Scheme == WebhookSchemes.Slack && SlackUrlVerification.TryGetChallenge(body, out var challenge))
        {
            metrics.ChallengeAnswered();
            return new ReceiveOutcome.Challenge(challenge);
        }
        var accepted = await events.AcceptAsync(new IncomingWebhook(route, verification.SenderEventId!, KeptHeaders.From(request.Headers), body, now, verification.ContentSha256), ct);
        if (!accepted.Duplicate)
        {
            outboxSignal.Notify();
        }
        metrics.Accepted(route.Scheme, accepted.Duplicate);
        return new ReceiveOutcome.Accepted(accepted.EventId, accepted.Duplicate);
    }

    private ReceiveOutcome.Rejected Reject(RejectionReason reason)
    {
        metrics.Rejected(reason);
        return new ReceiveOutcome.Rejected(reason);
    }

    /// <summary>The registry's tenant slugs are <c>[a-z0-9-]{1,40}</c>; anything else cannot name a tenant.</summary>
    private static bool IsTenantSlug(string slug) =>
        slug.Length is > 0 and <= 64 && slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    private static bool IsUtf8(byte[] body) => System.Text.Unicode.Utf8.IsValid(body);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A webhook could not be handled because a dependency is unavailable ({Error})")]
    private static partial void LogDependencyUnavailable(ILogger logger, string error);
}
