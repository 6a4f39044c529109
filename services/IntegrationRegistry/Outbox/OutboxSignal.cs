using Platform.IntegrationRegistry.Infrastructure;

namespace Platform.IntegrationRegistry.Outbox;

/// <summary>Wakes the outbox relay when a transaction committed events.</summary>
public sealed class OutboxSignal : WakeUpSignal;
