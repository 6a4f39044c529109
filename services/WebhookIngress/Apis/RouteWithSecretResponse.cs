namespace Platform.WebhookIngress.Apis;

/// <summary>A created route or rotated secret. <paramref name="SigningSecret"/> is set only when the platform generated it, and is shown this once.</summary>
public sealed record RouteWithSecretResponse(WebhookRouteResponse Route, string? SigningSecret)
{
    public override string ToString() => $"RouteWithSecretResponse {{ Route = {Route}, SigningSecret = {(SigningSecret is null ? "none" : "***")} }}";
}
