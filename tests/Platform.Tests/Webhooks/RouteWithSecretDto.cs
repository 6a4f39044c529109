namespace Platform.Tests.Webhooks;

/// <summary>The answer to creating a route or rotating its secret.</summary>
public sealed record RouteWithSecretDto(WebhookRouteDto Route, string? SigningSecret);
