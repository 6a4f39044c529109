using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Platform.AppHost.Infrastructure;

/// <summary>PostgreSQL without a container runtime: Debian's server as an Aspire executable, its databases as children.</summary>
public static class LocalPostgresBuilderExtensions
{
    private const string ServiceUser = "postgres";

    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource> password, string dataDirectory)
    {
        var bin = Prerequisites.PostgresBinDirectory();
        var root = Path.Combine(dataDirectory, name);
        var data = Path.Combine(root, "data");
        var sockets = Path.Combine(root, "run");
        // PostgreSQL refuses to run as root: setpriv drops to the postgres user and then execs the server itself.
        string[] drop = FileOwnership.IsRoot ? ["--reuid=" + ServiceUser, "--regid=" + ServiceUser, "--init-groups", "--"] : [];
        var resource = new LocalPostgresResource(name, FileOwnership.IsRoot ? "setpriv" : Path.Combine(bin, "postgres"), root, password.Resource);
        var healthCheck = $"{name}-health";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheck, _ => new PostgresHealthCheck(resource), failureStatus: null, tags: null));
        return builder.AddResource(resource)
            .WithArgs([.. drop, .. FileOwnership.IsRoot ? [Path.Combine(bin, "postgres")] : Array.Empty<string>(),
                "-D", data, "-k", sockets, "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_permissions=0700", "-c", "max_connections=300"])
            .WithEndpoint(name: "tcp", scheme: "tcp", env: "PGPORT")
            .WithHealthCheck(healthCheck)
            .OnBeforeResourceStarted((server, e, ct) => PrepareClusterAsync(server, bin, root, data, sockets, e.Services, ct));
    }

    /// <summary>
    /// A database created on the server when the server is ready, unless it exists; it is then running (a resource
    /// outside DCP has no state unless it is told one) and healthy once it answers.
    /// </summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddLocalDatabase(this IResourceBuilder<IResourceWithConnectionString> server, string name)
    {
        var builder = server.ApplicationBuilder;
        var database = new LocalPostgresDatabaseResource(name, name, server.Resource);
        var healthCheck = $"{name}-health";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheck, _ => new PostgresHealthCheck(database), failureStatus: null, tags: null));
        builder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, async (e, ct) =>
        {
            var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(database);
            var connectionString = await server.Resource.ConnectionStringExpression.GetValueAsync(ct);
            await PostgresDatabaseCreator.CreateMissingAsync(connectionString!, [database], logger, ct);
            await e.Services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(database, snapshot => snapshot with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
            });
        });
        return builder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgresDatabase", State = KnownResourceStates.Waiting, Properties = [] })
            .WithHealthCheck(healthCheck)
            .ExcludeFromManifest();
    }

    private static async Task PrepareClusterAsync(LocalPostgresResource server, string bin, string root, string data, string sockets, IServiceProvider services, CancellationToken ct)
    {
        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
        Directory.CreateDirectory(sockets);
        if (FileOwnership.IsRoot)
        {
            await FileOwnership.GiveToAsync(ServiceUser, root, logger, ct);
        }
        if (File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            return;
        }
        var passwordFile = Path.Combine(root, "initdb-password");
        DataFiles.WriteSecretFile(passwordFile, (await server.Password.GetValueAsync(ct))!);
        try
        {
            if (FileOwnership.IsRoot)
            {
                await FileOwnership.GiveToAsync(ServiceUser, root, logger, ct);
            }
            var initdb = new ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true };
            List<string> arguments = FileOwnership.IsRoot ? [$"--reuid={ServiceUser}", $"--regid={ServiceUser}", "--init-groups"] : [];
            arguments.AddRange(["--", Path.Combine(bin, "initdb"), "-D", data, "-U", LocalPostgresResource.UserName,
                "--auth=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C.UTF-8"]);
            arguments.ForEach(initdb.ArgumentList.Add);
            using var process = Process.Start(initdb)!;
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var errors = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            foreach (var line in (await output + await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                logger.LogInformation("{Line}", line);
            }
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"initdb failed with exit code {process.ExitCode}; see the '{server.Name}' resource's log.");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }
}
