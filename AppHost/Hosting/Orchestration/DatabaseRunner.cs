using Npgsql;

namespace Platform.Hosting;

/// <summary>Creates a database on its server when the server is healthy (Aspire's AddDatabase does the same).</summary>
internal sealed class DatabaseRunner : ResourceRunner
{
    private readonly PostgresRunner _server;
    private readonly ResourceInstanceState _state;
    private readonly PostgresDatabaseResource _database;

    public DatabaseRunner(PostgresDatabaseResource resource, PostgresRunner server, RunContext context) : base(resource)
    {
        _database = resource;
        _server = server;
        _state = context.Store.Register(resource.Name, resource.Name, Type);
        ConnectionString = $"{server.ConnectionString};Database={resource.DatabaseName}";
    }

    public override string Type => "postgres-database";

    public override string ConnectionString { get; }

    public override IReadOnlyList<ResourceInstanceState> Instances => [_state];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _state.SetState(ResourceStates.Starting);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(_database.DatabaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            var quoted = "\"" + _database.DatabaseName.Replace("\"", "\"\"") + "\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            _state.AppendLog($"created database {_database.DatabaseName}", isError: false);
        }
        _state.SetHealth(new HealthResult(true, DateTimeOffset.UtcNow, "database exists"));
        _state.SetState(ResourceStates.Running);
    }

    public override Task StopAsync()
    {
        _state.SetState(ResourceStates.Stopped);
        return Task.CompletedTask;
    }
}
