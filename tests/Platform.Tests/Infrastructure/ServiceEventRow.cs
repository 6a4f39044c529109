namespace Platform.Tests.Infrastructure;

/// <summary>One row of <c>audit.service_events</c>: a <c>ServiceStarted</c> event the audit-writer consumed.</summary>
public sealed record ServiceEventRow(Guid Id, string Service, string Instance, DateTimeOffset ReceivedAt);
