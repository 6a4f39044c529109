using Platform.WebhookIngress.Verification;

namespace Platform.WebhookIngress.Receiving;

/// <summary>Slack's handshake when a Request URL is configured: <c>{"type":"url_verification","challenge":"…"}</c>, answered by echoing the challenge.</summary>
public static class SlackUrlVerification
{
    private const int MaxChallengeLength = 256;

    public static bool TryGetChallenge(ReadOnlyMemory<byte> body, out string challenge)
    {
        challenge = string.Empty;
        if (JsonBodyFields.TryGetString(body, "type") != "url_verification"
            || JsonBodyFields.TryGetString(body, "challenge") is not { Length: > 0 and <= MaxChallengeLength } value)
        {
            return false;
        }
        challenge = value;
        return true;
    }
}
