namespace Platform.WebhookIngress.Apis;

/// <summary>The answer to Slack's <c>url_verification</c> handshake.</summary>
public sealed record SlackChallengeResponse(string Challenge);
