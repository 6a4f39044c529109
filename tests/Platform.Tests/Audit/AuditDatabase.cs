using Npgsql;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Audit;

/// <summary>Reads auditdb directly: what the audit writer stored, for one test's own tenant.</summary>
public sealed class AuditDatabase(string connectionString)
{
    public async Task<long> ScalarAsync(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        await command.ExecuteNonQueryAsync();
    }

    public async Task<List<string>> StringsAsync(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }

    public Task<long> ToolCallCountAsync(string tenantId) =>
        ScalarAsync("SELECT count(*) FROM audit.tool_calls WHERE tenant_id = $1", tenantId);

    public Task<long> DistinctToolCallIdsAsync(string tenantId) =>
        ScalarAsync("SELECT count(DISTINCT id) FROM audit.tool_calls WHERE tenant_id = $1", tenantId);

    public Task<long> ModelCallCountAsync(string tenantId) =>
        ScalarAsync("SELECT count(*) FROM usage.model_calls WHERE tenant_id = $1", tenantId);

    public async Task WaitForToolCallsAsync(string tenantId, long expected, TimeSpan timeout)
    {
        long seen = -1;
        await Eventually.UntilAsync(
            async () => (seen = await ToolCallCountAsync(tenantId)) >= expected,
            timeout,
            () => $"{expected} audit.tool_calls rows for tenant {tenantId}; saw {seen}");
    }

    public async Task WaitForModelCallsAsync(string tenantId, long expected, TimeSpan timeout)
    {
        long seen = -1;
        await Eventually.UntilAsync(
            async () => (seen = await ModelCallCountAsync(tenantId)) >= expected,
            timeout,
            () => $"{expected} usage.model_calls rows for tenant {tenantId}; saw {seen}");
    }
}
