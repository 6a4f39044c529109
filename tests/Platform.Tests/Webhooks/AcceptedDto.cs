namespace Platform.Tests.Webhooks;

/// <summary>The body of a 202 from the webhook receiver.</summary>
public sealed record AcceptedDto(Guid EventId, bool Duplicate);
