namespace Platform.Tests.Infrastructure;

/// <summary>The last health probe of an instance.</summary>
public sealed record ResourceHealth(bool Healthy, DateTimeOffset CheckedAt, string? Detail);
