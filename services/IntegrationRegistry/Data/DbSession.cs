using Npgsql;

namespace Platform.IntegrationRegistry.Data;

/// <summary>One connection (inside a transaction when opened by <see cref="RegistryDatabase.InTransactionAsync"/>), with small query helpers and the events to publish on commit.</summary>
public sealed class DbSession(NpgsqlConnection connection, TimeProvider timeProvider)
{
    internal List<object> Events { get; } = [];

    internal bool QueuedSecretRevocations { get; set; }

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    /// <summary>Records an integration event to publish if, and only if, the transaction commits.</summary>
    public void Publish(object integrationEvent) => Events.Add(integrationEvent);

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = CreateCommand(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    public async Task<T?> QuerySingleAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken ct, params (string Name, object? Value)[] parameters)
        where T : class
    {
        await using var command = CreateCommand(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? map(reader) : null;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = CreateCommand(sql, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<bool> ExistsAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = CreateCommand(sql, parameters);
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    private NpgsqlCommand CreateCommand(string sql, (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, Normalize(value)));
        }
        return command;
    }

    // Npgsql writes timestamptz only from UTC values.
    private static object Normalize(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset time => time.ToUniversalTime(),
        _ => value,
    };
}
