using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.ServiceDefaults.Health;
using Platform.ServiceDefaults.Migrations;

namespace Microsoft.Extensions.Hosting;

/// <summary>A service's own PostgreSQL database: data source, readiness check and versioned migrations.</summary>
public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the <see cref="NpgsqlDataSource"/> for <c>ConnectionStrings:{connectionName}</c> (keyed by that
    /// name, and unkeyed for the first one) and a readiness check of the same name.
    /// </summary>
    public static TBuilder AddNpgsqlDataSource<TBuilder>(this TBuilder builder, string connectionName) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Connection string '{connectionName}' is missing: set ConnectionStrings__{connectionName}.");
        }
        builder.Services.AddKeyedSingleton(connectionName, (services, _) => new NpgsqlDataSourceBuilder(connectionString)
            .UseLoggerFactory(services.GetRequiredService<ILoggerFactory>())
            .Build());
        builder.Services.TryAddSingleton(services => services.GetRequiredKeyedService<NpgsqlDataSource>(connectionName));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            connectionName,
            services => new NpgsqlHealthCheck(services.GetRequiredKeyedService<NpgsqlDataSource>(connectionName)),
            HealthStatus.Unhealthy,
            [Extensions.ReadyTag],
            TimeSpan.FromSeconds(5)));
        return builder;
    }

    /// <summary>
    /// The data source, plus the migrations embedded in <paramref name="assembly"/> (default: the application's)
    /// as <c>Migrations/NNNN_name.sql</c>, applied at start under an advisory lock and recorded in
    /// <c>public.schema_migrations</c>. Settings: section <c>Migrations</c>.
    /// </summary>
    public static TBuilder AddMigrations<TBuilder>(this TBuilder builder, string connectionName, Assembly? assembly = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddNpgsqlDataSource(connectionName);
        var migrations = MigrationScript.LoadAll(assembly ?? Assembly.Load(new AssemblyName(builder.Environment.ApplicationName)));
        if (migrations.Count == 0)
        {
            throw new InvalidOperationException(
                $"No migrations are embedded for '{connectionName}': add <EmbeddedResource Include=\"Migrations/*.sql\" LogicalName=\"Migrations/%(Filename)%(Extension)\" />.");
        }
        builder.Services.AddOptions<MigrationOptions>()
            .BindConfiguration(MigrationOptions.SectionName)
            .Validate(options => options.ConnectTimeout > TimeSpan.Zero && options.RetryDelay > TimeSpan.Zero, "Migrations:ConnectTimeout and Migrations:RetryDelay must be positive.")
            .ValidateOnStart();
        builder.Services.AddHostedService(services => new MigrationHostedService(
            connectionName,
            migrations,
            new MigrationRunner(services.GetRequiredKeyedService<NpgsqlDataSource>(connectionName), services.GetRequiredService<ILogger<MigrationRunner>>()),
            services.GetRequiredService<IOptions<MigrationOptions>>(),
            services.GetRequiredService<ILogger<MigrationHostedService>>()));
        return builder;
    }
}
