using System.Globalization;
using Npgsql;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Running;

[Collection(PlatformCollection.Name)]
public sealed class DatabaseMigrationTests(DistributedApplicationFixture platform)
{
    public static TheoryData<string, string> Owners => new()
    {
        { "registrydb", "IntegrationRegistry" },
        { "vaultdb", "SecretsVault" },
        { "brokerdb", "OAuthBroker" },
        { "auditdb", "AuditWriter" },
        { "webhookdb", "WebhookIngress" },
    };

    [Theory]
    [MemberData(nameof(Owners))]
    public async Task Each_database_has_every_migration_of_its_service_applied(string database, string service)
    {
        var scripts = Directory.GetFiles(Path.Combine(RepositoryPaths.RepositoryRoot, "services", service, "Migrations"), "*.sql")
            .Select(f => int.Parse(Path.GetFileName(f)[..4], CultureInfo.InvariantCulture))
            .Order()
            .ToList();
        Assert.NotEmpty(scripts);

        await using var connection = new NpgsqlConnection(platform.GetConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version FROM public.schema_migrations ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var applied = new List<int>();
        while (await reader.ReadAsync())
        {
            applied.Add(reader.GetInt32(0));
        }

        Assert.Equal(scripts, applied);
    }
}
