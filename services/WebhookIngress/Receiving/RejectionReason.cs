namespace Platform.WebhookIngress.Receiving;

/// <summary>Why a request was refused; each has its own status, metric tag and short public reason.</summary>
public enum RejectionReason
{
    UnknownTenant,
    UnknownRoute,
    RouteDisabled,
    PayloadTooLarge,
    UnreadableBody,
    MalformedHeaders,
    InvalidSignature,
    StaleTimestamp,
    BodyNotUtf8,
    SecretUnavailable,
    DependencyUnavailable,
}
