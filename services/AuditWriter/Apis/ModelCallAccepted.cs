namespace Platform.AuditWriter.Apis;

/// <summary>The ledger event id of a reported model call (the same id for a repeated request id).</summary>
public sealed record ModelCallAccepted(Guid Id);
