using Microsoft.AspNetCore.Http;

namespace Platform.WebhookIngress.Receiving;

/// <summary>
/// The answer for each <see cref="RejectionReason"/>. The public reasons are short and reveal nothing: not the
/// secret, not which part of a signature failed, and not whether a tenant exists (unknown tenant and unknown
/// route read the same; only the metric tells them apart).
/// </summary>
public static class RejectionReasons
{
    public static int StatusCode(this RejectionReason reason) => reason switch
    {
        RejectionReason.UnknownTenant or RejectionReason.UnknownRoute => StatusCodes.Status404NotFound,
        RejectionReason.RouteDisabled or RejectionReason.SecretUnavailable => StatusCodes.Status403Forbidden,
        RejectionReason.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        RejectionReason.InvalidSignature or RejectionReason.StaleTimestamp => StatusCodes.Status401Unauthorized,
        RejectionReason.DependencyUnavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    public static string PublicReason(this RejectionReason reason) => reason switch
    {
        RejectionReason.UnknownTenant or RejectionReason.UnknownRoute => "No webhook route at this address.",
        RejectionReason.RouteDisabled => "This webhook route is disabled.",
        RejectionReason.PayloadTooLarge => "The body exceeds this route's size limit.",
        RejectionReason.UnreadableBody => "The request body could not be read.",
        RejectionReason.MalformedHeaders => "The webhook headers are missing or malformed.",
        RejectionReason.InvalidSignature => "The signature could not be verified.",
        RejectionReason.StaleTimestamp => "The timestamp is outside the allowed tolerance.",
        RejectionReason.BodyNotUtf8 => "The body must be UTF-8 text.",
        RejectionReason.SecretUnavailable => "This webhook route cannot verify requests.",
        RejectionReason.DependencyUnavailable => "The webhook service is temporarily unavailable.",
        _ => "The request was refused.",
    };

    /// <summary>The <c>reason</c> tag of the rejection counter.</summary>
    public static string MetricTag(this RejectionReason reason) => reason switch
    {
        RejectionReason.UnknownTenant => "unknown_tenant",
        RejectionReason.UnknownRoute => "unknown_route",
        RejectionReason.RouteDisabled => "route_disabled",
        RejectionReason.PayloadTooLarge => "payload_too_large",
        RejectionReason.UnreadableBody => "unreadable_body",
        RejectionReason.MalformedHeaders => "malformed_headers",
        RejectionReason.InvalidSignature => "invalid_signature",
        RejectionReason.StaleTimestamp => "stale_timestamp",
        RejectionReason.BodyNotUtf8 => "body_not_utf8",
        RejectionReason.SecretUnavailable => "secret_unavailable",
        RejectionReason.DependencyUnavailable => "dependency_unavailable",
        _ => "other",
    };
}
