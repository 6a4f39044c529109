using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.AppHost.Infrastructure;

/// <summary>RabbitMQ without a container runtime: Debian's node as an Aspire executable, with a private epmd beside it.</summary>
public static class LocalRabbitMQBuilderExtensions
{
    private const string NodeName = "platform@localhost";

    public static IResourceBuilder<LocalRabbitMQResource> AddLocalRabbitMQ(this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource> password, string dataDirectory)
    {
        var server = Prerequisites.RabbitMQServer();
        var root = Path.Combine(dataDirectory, name);
        Directory.CreateDirectory(root);
        var epmdPort = PortAllocator.GetFreePort();
        var epmdHealth = $"{name}-epmd-health";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(epmdHealth, _ => new TcpHealthCheck(epmdPort), failureStatus: null, tags: null));
        var epmd = builder.AddResource(new EpmdResource($"{name}-epmd", Prerequisites.Epmd()!, root, epmdPort))
            .WithArgs("-port", epmdPort.ToString(CultureInfo.InvariantCulture), "-address", "127.0.0.1")
            .WithHealthCheck(epmdHealth);

        var resource = new LocalRabbitMQResource(name, server, root, password.Resource);
        var health = $"{name}-health";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(health, _ => new RabbitMQHealthCheck(resource), failureStatus: null, tags: null));
        var config = Path.Combine(root, "rabbitmq.conf");
        var plugins = Path.Combine(root, "enabled_plugins");
        return builder.AddResource(resource)
            .WithEndpoint(name: "tcp", scheme: "tcp", env: "RABBITMQ_NODE_PORT")
            .WithEnvironment(context =>
            {
                var env = context.EnvironmentVariables;
                env["HOME"] = Path.Combine(root, "home");
                env["ERL_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture);
                env["RABBITMQ_NODENAME"] = NodeName;
                env["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                env["RABBITMQ_DIST_PORT"] = PortAllocator.GetFreePort().ToString(CultureInfo.InvariantCulture);
                env["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia");
                env["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log");
                env["RABBITMQ_LOGS"] = "-";
                env["RABBITMQ_CONFIG_FILE"] = config;
                env["RABBITMQ_ENABLED_PLUGINS_FILE"] = plugins;
                // No scheduler busy-waiting: on a shared developer machine the idle broker should not spin CPUs.
                env["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none";
            })
            .WithHealthCheck(health)
            .WaitFor(epmd)
            .OnBeforeResourceStarted(async (node, _, ct) =>
            {
                Directory.CreateDirectory(Path.Combine(root, "home"));
                Directory.CreateDirectory(Path.Combine(root, "mnesia"));
                // default_user/default_pass only take effect on the node's first boot; the password then lives in its database.
                DataFiles.WriteSecretFile(config, $"""
                    default_user = {LocalRabbitMQResource.UserName}
                    default_pass = {await node.Password.GetValueAsync(ct)}
                    default_vhost = /
                    log.console = true
                    log.console.level = info
                    log.file = false
                    classic_queue.default_version = 2
                    """);
                await File.WriteAllTextAsync(plugins, "[].\n", ct);
            });
    }
}
