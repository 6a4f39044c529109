namespace Platform.IntegrationRegistry.Model;

/// <summary>Create or replace an identity; <c>name</c> is unique in the tenant.</summary>
public sealed record IdentityRequest(string? Name, string? DisplayName, string? Email);
