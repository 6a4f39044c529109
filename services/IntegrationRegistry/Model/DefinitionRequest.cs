namespace Platform.IntegrationRegistry.Model;

/// <summary>Create or replace a definition.</summary>
public sealed record DefinitionRequest(string? Name, string? Kind, string? BaseUrl, string? Description);
