namespace Platform.IntegrationRegistry.Model;

/// <summary>Give or change an agent's grant on a Space; <c>scope</c> is <c>person</c> (the default) or <c>whole-space</c>.</summary>
public sealed record SpaceGrantRequest(string? Scope);
