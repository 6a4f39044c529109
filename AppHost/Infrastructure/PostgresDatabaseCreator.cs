using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.AppHost.Infrastructure;

/// <summary>
/// Creates the platform's databases on their server once it is ready, those that are missing only (as Aspire's
/// <c>AddDatabase</c> does for a container): a restart on the same data folder keeps the data.
/// </summary>
internal static class PostgresDatabaseCreator
{
    public static async Task CreateMissingAsync(string serverConnectionString, IEnumerable<LocalPostgresDatabaseResource> databases, ILogger logger, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Pooling = false, Database = "postgres" };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var database in databases)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
            exists.Parameters.AddWithValue(database.DatabaseName);
            if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            {
                continue;
            }
            var quoted = "\"" + database.DatabaseName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("created database {Database}", database.DatabaseName);
        }
    }
}
