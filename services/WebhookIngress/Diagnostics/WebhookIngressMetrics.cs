using System.Diagnostics.Metrics;
using Platform.WebhookIngress.Receiving;

namespace Platform.WebhookIngress.Diagnostics;

/// <summary>
/// The service's counters, on the meter named after the application (which ServiceDefaults exports):
/// <c>webhooks.received.accepted</c> (tags <c>scheme</c>, <c>duplicate</c>) and <c>webhooks.received.rejected</c>
/// (tag <c>reason</c>, see <see cref="RejectionReasons.MetricTag"/>).
/// </summary>
public sealed class WebhookIngressMetrics
{
    public const string MeterName = "WebhookIngress";
    public const string AcceptedCounter = "webhooks.received.accepted";
    public const string RejectedCounter = "webhooks.received.rejected";
    public const string ChallengeCounter = "webhooks.received.challenges";

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _challenges;

    public WebhookIngressMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _accepted = meter.CreateCounter<long>(AcceptedCounter, "{webhook}", "Webhooks verified and committed (or acknowledged again as duplicates).");
        _rejected = meter.CreateCounter<long>(RejectedCounter, "{webhook}", "Webhook requests refused, by reason.");
        _challenges = meter.CreateCounter<long>(ChallengeCounter, "{webhook}", "Slack url_verification challenges answered.");
    }

    public void Accepted(string scheme, bool duplicate) =>
        _accepted.Add(1, new KeyValuePair<string, object?>("scheme", scheme), new KeyValuePair<string, object?>("duplicate", duplicate));

    public void Rejected(RejectionReason reason) =>
        _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason.MetricTag()));

    public void ChallengeAnswered() => _challenges.Add(1);
}
