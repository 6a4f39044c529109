using Npgsql;

namespace Platform.Tests.McpEdge;

/// <summary>Reads <c>audit.tool_calls</c> straight from auditdb.</summary>
public sealed class AuditRows(string connectionString)
{
    public async Task<long> CountAsync(Guid tenantId, string argumentsContain)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM audit.tool_calls WHERE tenant_id = @tenant AND arguments::text LIKE @marker", connection);
        command.Parameters.AddWithValue("tenant", tenantId.ToString());
        command.Parameters.AddWithValue("marker", $"%{argumentsContain}%");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<AuditRow?> FindAsync(Guid tenantId, string toolName, string argumentsContain)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT agent_id, subject_id, install_id, upstream_tool_name, outcome, error_class, arguments::text, bytes_in, bytes_out, trace_id, duration_ms
            FROM audit.tool_calls WHERE tenant_id = @tenant AND tool_name = @tool AND arguments::text LIKE @marker
            """, connection);
        command.Parameters.AddWithValue("tenant", tenantId.ToString());
        command.Parameters.AddWithValue("tool", toolName);
        command.Parameters.AddWithValue("marker", $"%{argumentsContain}%");
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }
        return new AuditRow(
            reader.GetString(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.GetInt64(7), reader.GetInt64(8),
            reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetInt64(10));
    }
}
