namespace Platform.Contracts;

/// <summary>A service instance connected to the bus; published once per process start.</summary>
public sealed record ServiceStarted(
    Guid Id,
    DateTime OccurredAt,
    string Service,
    string Instance,
    string Version);
