using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Platform.Hosting;

/// <summary>Writes the Aspire manifest (schema aspire-8.0) for the model: the input of Aspire's deploy tooling.</summary>
public static class ManifestPublisher
{
    public const string SchemaUrl = "https://json.schemastore.org/aspire-8.0.json";

    /// <summary>Writes the manifest to <paramref name="outputPath"/>, creating its folder if needed.</summary>
    public static void Write(IReadOnlyList<IResource> resources, string outputPath)
    {
        var fullPath = Path.GetFullPath(outputPath);
        var json = Render(resources, fullPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        File.WriteAllText(fullPath, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>The manifest text as <see cref="Write"/> writes it to <paramref name="outputPath"/>; project paths
    /// are relative to that file's folder, so the text is the same on every machine.</summary>
    public static string Render(IReadOnlyList<IResource> resources, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        var manifestDirectory = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
        var options = new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 2,
            NewLine = "\n",
            // Placeholders and connection strings stay readable ('+', '&' unescaped); the file is never embedded in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", SchemaUrl);
            writer.WriteStartObject("resources");
            foreach (var resource in resources)
            {
                writer.WritePropertyName(resource.Name);
                WriteResource(writer, resource, manifestDirectory);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteResource(Utf8JsonWriter writer, IResource resource, string manifestDirectory)
    {
        switch (resource)
        {
            case PostgresServerResource server:
                ContainerManifest.For(server).Write(writer);
                break;
            case RabbitMQServerResource broker:
                ContainerManifest.For(broker).Write(writer);
                break;
            case PostgresDatabaseResource database:
                WriteValue(writer, database);
                break;
            case ParameterResource parameter:
                WriteParameter(writer, parameter);
                break;
            case ProjectResource project:
                WriteProject(writer, project, manifestDirectory);
                break;
            default:
                throw new InvalidOperationException($"Resource '{resource.Name}' ({resource.GetType().Name}) has no manifest form.");
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, IResourceWithConnectionString resource)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "value.v0");
        writer.WriteString("connectionString", resource.ConnectionStringExpression);
        writer.WriteEndObject();
    }

    /// <summary>Only the shape of the value is written (how to generate it); the value itself never is.</summary>
    private static void WriteParameter(Utf8JsonWriter writer, ParameterResource parameter)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "parameter.v0");
        writer.WriteString("value", $"{{{parameter.Name}.inputs.value}}");
        writer.WriteStartObject("inputs");
        writer.WriteStartObject("value");
        writer.WriteString("type", "string");
        if (parameter.Secret)
        {
            writer.WriteBoolean("secret", true);
        }
        writer.WriteStartObject("default");
        writer.WriteStartObject("generate");
        writer.WriteNumber("minLength", parameter.GeneratedLength);
        if (!parameter.Special)
        {
            writer.WriteBoolean("special", false);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    // Replicas are deliberately absent: project.v0 has no such field (the schema forbids extra properties), and
    // Aspire leaves WithReplicas out of the manifest too (microsoft/aspire#2629); the deploy target scales instead.
    private static void WriteProject(Utf8JsonWriter writer, ProjectResource project, string manifestDirectory)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "project.v0");
        writer.WriteString("path", Path.GetRelativePath(manifestDirectory, project.Metadata.ProjectPath).Replace('\\', '/'));
        ManifestJson.WriteEnvironment(writer, ProjectEnvironment.Build(project, ManifestEnvironmentResolver.Instance));
        ManifestJson.WriteBindings(writer, [ManifestBinding.Http(external: project.IsExternal)]);
        writer.WriteEndObject();
    }
}
