using System.Text.Json;

namespace Platform.IntegrationRegistry.Client;

/// <summary>A service's public signing key (a JWK with its <c>kid</c>), to be listed in the platform's JWKS until it expires.</summary>
public sealed record SigningKeyRequest(JsonElement PublicJwk, DateTimeOffset ExpiresAt);
