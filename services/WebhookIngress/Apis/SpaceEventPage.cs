namespace Platform.WebhookIngress.Apis;

/// <summary>One page of a Space's events, newest first; <see cref="More"/> when older ones match too.</summary>
public sealed record SpaceEventPage(IReadOnlyList<SpaceEventResponse> Events, bool More);
