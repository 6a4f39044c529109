using Microsoft.AspNetCore.Http;

namespace Platform.WebhookIngress.Verification;

/// <summary>One received request as a verifier sees it: the raw body bytes exactly as sent, never re-serialised.</summary>
public sealed record WebhookVerificationRequest(
    IHeaderDictionary Headers,
    ReadOnlyMemory<byte> Body,
    string Secret,
    DateTimeOffset Now,
    TimeSpan Tolerance)
{
    /// <summary>Keeps the secret out of logs and exception messages that print records.</summary>
    public override string ToString() => $"WebhookVerificationRequest {{ Body = {Body.Length} bytes, Now = {Now:O}, Tolerance = {Tolerance} }}";
}
