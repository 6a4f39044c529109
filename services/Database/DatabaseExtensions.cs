using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Database;

namespace Microsoft.Extensions.Hosting;

/// <summary>A service's own PostgreSQL database: data source, health check and versioned migrations.</summary>
public static class DatabaseExtensions
{
    /// <summary>
    /// The data source for <c>ConnectionStrings:{connectionName}</c> (Aspire's PostgreSQL client: health check,
    /// traces and metrics), plus the migrations embedded in <paramref name="assembly"/> (default: the application's)
    /// as <c>Migrations/NNNN_name.sql</c>, applied at start under an advisory lock and recorded in
    /// <c>public.schema_migrations</c>. Settings: section <c>Migrations</c>. <paramref name="configureDataSource"/> tunes
    /// the data source (for example automatic preparation of a hot statement).
    /// </summary>
    public static TBuilder AddMigrations<TBuilder>(
        this TBuilder builder, string connectionName, Assembly? assembly = null, Action<NpgsqlDataSourceBuilder>? configureDataSource = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddNpgsqlDataSource(connectionName, configureDataSourceBuilder: configureDataSource);
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
            new MigrationRunner(services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<ILogger<MigrationRunner>>()),
            services.GetRequiredService<IOptions<MigrationOptions>>(),
            services.GetRequiredService<ILogger<MigrationHostedService>>()));
        return builder;
    }
}
