using System.Text.Json;

namespace Platform.Hosting;

/// <summary>A <c>container.v0</c> manifest entry: how a deployment runs what the local AppHost runs as a Debian process.</summary>
internal sealed record ContainerManifest(
    string Image,
    string ConnectionString,
    IReadOnlyList<ContainerVolume> Volumes,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    IReadOnlyList<ManifestBinding> Bindings)
{
    // Aspire derives the prefix from the AppHost's name and a hash of its path; a fixed prefix keeps the
    // checked-in manifest the same on every machine.
    private const string VolumePrefix = "platform-apphost";

    public static ContainerManifest For(PostgresServerResource server) => new(
        "docker.io/library/postgres:17.6",
        server.ConnectionStringExpression,
        [new($"{VolumePrefix}-{server.Name}-data", "/var/lib/postgresql/data")],
        [
            new("POSTGRES_HOST_AUTH_METHOD", "scram-sha-256"),
            new("POSTGRES_INITDB_ARGS", "--auth-host=scram-sha-256 --auth-local=scram-sha-256"),
            new("POSTGRES_USER", PostgresServerResource.UserName),
            new("POSTGRES_PASSWORD", $"{{{server.Password.Name}.value}}"),
        ],
        [ManifestBinding.Tcp(5432)]);

    public static ContainerManifest For(RabbitMQServerResource broker) => new(
        "docker.io/library/rabbitmq:4.2-management",
        broker.ConnectionStringExpression,
        [new($"{VolumePrefix}-{broker.Name}-data", "/var/lib/rabbitmq")],
        [
            new("RABBITMQ_DEFAULT_USER", RabbitMQServerResource.UserName),
            new("RABBITMQ_DEFAULT_PASS", $"{{{broker.Password.Name}.value}}"),
        ],
        [ManifestBinding.Tcp(5672), new ManifestBinding("management", "http", "http", 15672)]);

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "container.v0");
        writer.WriteString("connectionString", ConnectionString);
        writer.WriteString("image", Image);
        writer.WriteStartArray("volumes");
        foreach (var volume in Volumes)
        {
            writer.WriteStartObject();
            writer.WriteString("name", volume.Name);
            writer.WriteString("target", volume.Target);
            writer.WriteBoolean("readOnly", false);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        ManifestJson.WriteEnvironment(writer, Environment);
        ManifestJson.WriteBindings(writer, Bindings);
        writer.WriteEndObject();
    }
}
