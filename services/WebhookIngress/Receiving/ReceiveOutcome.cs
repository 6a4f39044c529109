namespace Platform.WebhookIngress.Receiving;

/// <summary>What the receiver decided about one request.</summary>
public abstract record ReceiveOutcome
{
    private ReceiveOutcome()
    {
    }

    /// <summary>Committed (or accepted before, when <paramref name="Duplicate"/>): 202 with the event id.</summary>
    public sealed record Accepted(Guid EventId, bool Duplicate) : ReceiveOutcome;

    /// <summary>A verified Slack <c>url_verification</c> request: 200 echoing the challenge; no event.</summary>
    public sealed record Challenge(string Value) : ReceiveOutcome;

    /// <summary>Refused; nothing was written.</summary>
    public sealed record Rejected(RejectionReason Reason) : ReceiveOutcome;
}
