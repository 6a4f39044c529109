using Npgsql;
using Platform.IntegrationRegistry.Outbox;
using Platform.Messaging.Outbox;
using Platform.IntegrationRegistry.Secrets;

namespace Platform.IntegrationRegistry.Data;

/// <summary>
/// Opens sessions on registrydb. A session's events go to the outbox in the same transaction as its changes and
/// are handed to the relay once committed, so an event is published if and only if its change happened; likewise
/// vault secrets queued for revocation wake the revoker once committed.
/// </summary>
public sealed class RegistryDatabase(
    NpgsqlDataSource dataSource,
    OutboxSignal outboxSignal,
    SecretRevocationSignal revocationSignal,
    TimeProvider timeProvider)
{
    public TimeProvider Time => timeProvider;

    /// <summary>Runs <paramref name="work"/> in one transaction; commits unless it throws.</summary>
    public async Task<T> InTransactionAsync<T>(Func<DbSession, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var session = new DbSession(connection, timeProvider);
        var result = await work(session);
        if (session.Events.Count > 0)
        {
            await OutboxWriter.WriteAsync(session, session.Events, ct);
        }
        await transaction.CommitAsync(ct);
        if (session.Events.Count > 0)
        {
            outboxSignal.Notify();
        }
        if (session.QueuedSecretRevocations)
        {
            revocationSignal.Notify();
        }
        return result;
    }

    /// <summary>Runs read-only work on one connection, without a transaction.</summary>
    public async Task<T> ReadAsync<T>(Func<DbSession, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await work(new DbSession(connection, timeProvider));
    }
}
