namespace Platform.IntegrationRegistry.Client;

/// <summary>Body of <c>POST /internal/auth/admin-key</c>; keys travel in bodies, never in URLs that get logged.</summary>
public sealed record AdminKeyRequest(string Key);
