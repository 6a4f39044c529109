namespace Platform.WebhookIngress.Spaces;

/// <summary>
/// Which of a Space's events to read, newest first: older than the event <paramref name="Before"/>, received at or
/// after <paramref name="Since"/>, of one <paramref name="Type"/>, and, unless <paramref name="WholeSpace"/>, only
/// events with no credential subject or whose subject is <paramref name="SubjectId"/>.
/// </summary>
public sealed record SpaceEventQuery(int Limit, Guid? Before = null, DateTimeOffset? Since = null, string? Type = null, bool WholeSpace = true, Guid? SubjectId = null);
