using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Platform.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL (<c>postgres</c> with the five databases) and RabbitMQ (<c>eventbus</c>), declared the way this run can
/// have them: containers in a deployment's manifest and wherever a container runtime answers; Debian's servers as
/// executables where none does; or, given <c>ConnectionStrings__postgres</c> / <c>ConnectionStrings__eventbus</c>,
/// servers that already run. The services cannot tell which: they get the same connection strings.
/// </summary>
internal sealed record PlatformInfrastructure(
    IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> Databases,
    IResourceBuilder<IResourceWithConnectionString> EventBus,
    IReadOnlyList<ReportedResource> Reported)
{
    public static readonly string[] DatabaseNames = ["registrydb", "vaultdb", "brokerdb", "auditdb", "webhookdb"];

    private const int PasswordLength = 22;

    public static PlatformInfrastructure Add(IDistributedApplicationBuilder builder, SecretParameters secrets, AppHostOptions options, Func<bool> containerRuntimeHealthy)
    {
        var publishing = builder.ExecutionContext.IsPublishMode;
        var externalPostgres = !publishing && builder.Configuration.GetConnectionString("postgres") is { Length: > 0 };
        var externalEventBus = !publishing && builder.Configuration.GetConnectionString("eventbus") is { Length: > 0 };
        var containers = publishing || ((!externalPostgres || !externalEventBus) && containerRuntimeHealthy());
        var reported = new List<ReportedResource>();
        var databases = new Dictionary<string, IResourceBuilder<IResourceWithConnectionString>>();

        if (!externalPostgres && containers)
        {
            var postgres = builder.AddPostgres("postgres", password: secrets.Add("postgres-password", PasswordLength)).WithDataVolume();
            reported.Add(new(postgres.Resource, "postgres"));
            foreach (var name in DatabaseNames)
            {
                var database = postgres.AddDatabase(name);
                databases[name] = database;
                reported.Add(new(database.Resource, "postgres-database"));
            }
        }
        else
        {
            IResourceBuilder<IResourceWithConnectionString> postgres = externalPostgres
                ? builder.AddConnectionString("postgres")
                : builder.AddLocalPostgres("postgres", secrets.Add("postgres-password", PasswordLength), options.DataDirectory);
            reported.Add(new(postgres.Resource, "postgres"));
            foreach (var name in DatabaseNames)
            {
                var database = postgres.AddLocalDatabase(name);
                databases[name] = database;
                reported.Add(new(database.Resource, "postgres-database"));
            }
        }

        IResourceBuilder<IResourceWithConnectionString> eventbus;
        if (externalEventBus)
        {
            eventbus = builder.AddConnectionString("eventbus");
        }
        else if (containers)
        {
            eventbus = builder.AddRabbitMQ("eventbus", password: secrets.Add("eventbus-password", PasswordLength)).WithDataVolume();
        }
        else
        {
            var local = builder.AddLocalRabbitMQ("eventbus", secrets.Add("eventbus-password", PasswordLength), options.DataDirectory);
            eventbus = local;
        }
        reported.Add(new(eventbus.Resource, "rabbitmq"));
        return new PlatformInfrastructure(databases, eventbus, reported);
    }
}
