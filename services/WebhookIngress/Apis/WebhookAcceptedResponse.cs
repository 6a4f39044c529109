namespace Platform.WebhookIngress.Apis;

/// <summary>Body of the 202: the platform's event id, the same when a duplicate is acknowledged again.</summary>
public sealed record WebhookAcceptedResponse(Guid EventId, bool Duplicate);
