namespace Platform.Tests.Infrastructure;

/// <summary>What the AppHost's model declares, as the tests expect to find it running.</summary>
public static class PlatformModel
{
    public static readonly string[] Databases = ["registrydb", "vaultdb", "brokerdb", "auditdb", "webhookdb"];

    public static readonly string[] Projects =
        ["gateway", "mcp-edge", "oauth-broker", "secrets-vault", "integration-registry", "webhook-ingress", "audit-writer"];

    /// <summary>Every instance the dashboard lists, with its resource and type; mcp-edge runs two replicas.</summary>
    public static readonly (string Instance, string Resource, string Type)[] Instances =
    [
        ("postgres", "postgres", "postgres"),
        .. Databases.Select(d => (d, d, "postgres-database")),
        ("eventbus", "eventbus", "rabbitmq"),
        ("gateway", "gateway", "project"),
        ("mcp-edge-0", "mcp-edge", "project"),
        ("mcp-edge-1", "mcp-edge", "project"),
        ("oauth-broker", "oauth-broker", "project"),
        ("secrets-vault", "secrets-vault", "project"),
        ("integration-registry", "integration-registry", "project"),
        ("webhook-ingress", "webhook-ingress", "project"),
        ("audit-writer", "audit-writer", "project"),
    ];

    /// <summary>Instances that announce <c>ServiceStarted</c> on the bus: every service but the gateway.</summary>
    public static IEnumerable<(string Instance, string Resource)> EventPublishers =>
        Instances.Where(i => i.Type == "project" && i.Resource != "gateway").Select(i => (i.Instance, i.Resource));

    /// <summary>The project instances with their replica index (the position of their URL in endpoints.json).</summary>
    public static IEnumerable<(string Instance, string Resource, int Replica)> ProjectInstances =>
        Instances.Where(i => i.Type == "project")
            .Select(i => (i.Instance, i.Resource, i.Instance == i.Resource ? 0 : int.Parse(i.Instance[(i.Resource.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
}
