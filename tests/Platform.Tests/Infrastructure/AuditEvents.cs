using Npgsql;

namespace Platform.Tests.Infrastructure;

/// <summary>Reads what the audit-writer stored, straight from auditdb.</summary>
public static class AuditEvents
{
    public static async Task<IReadOnlyList<ServiceEventRow>> ReadAsync(string auditDbConnectionString)
    {
        await using var connection = new NpgsqlConnection(auditDbConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, service, instance, received_at FROM audit.service_events ORDER BY received_at", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<ServiceEventRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new ServiceEventRow(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }
        return rows;
    }

    /// <summary>Waits until every instance that publishes <c>ServiceStarted</c> (each replica) has a row received after <paramref name="since"/>.</summary>
    public static async Task<IReadOnlyList<ServiceEventRow>> WaitForEveryPublisherAsync(string auditDbConnectionString, DateTimeOffset since, TimeSpan timeout)
    {
        IReadOnlyList<ServiceEventRow> rows = [];
        string[] missing = [];
        await Eventually.UntilAsync(
            async () =>
            {
                rows = await ReadAsync(auditDbConnectionString);
                missing = [.. PlatformModel.EventPublishers
                    .Where(p => rows.Where(r => r.Service == p.Resource && r.ReceivedAt >= since).Select(r => r.Instance).Distinct().Count() < p.Replicas)
                    .Select(p => p.Resource)];
                return missing.Length == 0;
            },
            timeout,
            () => $"a ServiceStarted row from every publisher; missing: {string.Join(", ", missing)}; rows seen: {string.Join(", ", rows.Select(r => $"{r.Service}/{r.Instance}"))}");
        return rows;
    }
}
