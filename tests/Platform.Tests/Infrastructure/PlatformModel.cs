namespace Platform.Tests.Infrastructure;

/// <summary>What the AppHost's model declares, as the tests expect to find it running.</summary>
public static class PlatformModel
{
    public static readonly string[] Databases = ["registrydb", "vaultdb", "brokerdb", "auditdb", "webhookdb"];

    public static readonly string[] Projects =
        ["gateway", "mcp-edge", "oauth-broker", "secrets-vault", "integration-registry", "webhook-ingress", "audit-writer"];

    /// <summary>Every resource with its type and number of instances; mcp-edge and oauth-broker run two replicas each.</summary>
    public static readonly (string Resource, string Type, int Replicas)[] Resources =
    [
        ("postgres", "postgres", 1),
        .. Databases.Select(d => (d, "postgres-database", 1)),
        ("eventbus", "rabbitmq", 1),
        .. Projects.Select(p => (p, "project", p is "mcp-edge" or "oauth-broker" ? 2 : 1)),
    ];

    /// <summary>Every instance, named as <see cref="ResourceInfo.Name"/> names it.</summary>
    public static IEnumerable<(string Instance, string Resource, string Type)> Instances =>
        Resources.SelectMany(r => Enumerable.Range(0, r.Replicas).Select(i => (r.Replicas == 1 ? r.Resource : $"{r.Resource}-{i}", r.Resource, r.Type)));

    /// <summary>Resources that announce <c>ServiceStarted</c> on the bus (every service but the gateway), with their instance counts.</summary>
    public static IEnumerable<(string Resource, int Replicas)> EventPublishers =>
        Resources.Where(r => r.Type == "project" && r.Resource != "gateway").Select(r => (r.Resource, r.Replicas));

    /// <summary>The project instances with their replica index (the position of their URL in endpoints.json).</summary>
    public static IEnumerable<(string Instance, string Resource, int Replica)> ProjectInstances =>
        Resources.Where(r => r.Type == "project")
            .SelectMany(r => Enumerable.Range(0, r.Replicas).Select(i => (r.Replicas == 1 ? r.Resource : $"{r.Resource}-{i}", r.Resource, i)));
}
