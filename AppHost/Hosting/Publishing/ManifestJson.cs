using System.Text.Json;

namespace Platform.Hosting;

/// <summary>The parts of the manifest that containers and projects share.</summary>
internal static class ManifestJson
{
    /// <summary>Writes <c>env</c>; a name given twice keeps its first position and its last value, as an environment does.</summary>
    public static void WriteEnvironment(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, string>> environment)
    {
        var variables = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }
        if (variables.Count == 0)
        {
            return;
        }
        writer.WriteStartObject("env");
        foreach (var (name, value) in variables)
        {
            writer.WriteString(name, value);
        }
        writer.WriteEndObject();
    }

    public static void WriteBindings(Utf8JsonWriter writer, IReadOnlyList<ManifestBinding> bindings)
    {
        writer.WriteStartObject("bindings");
        foreach (var binding in bindings)
        {
            writer.WriteStartObject(binding.Name);
            writer.WriteString("scheme", binding.Scheme);
            // Every binding here is TCP; the schema's other protocol is udp.
            writer.WriteString("protocol", "tcp");
            writer.WriteString("transport", binding.Transport);
            if (binding.TargetPort is { } targetPort)
            {
                writer.WriteNumber("targetPort", targetPort);
            }
            if (binding.External)
            {
                writer.WriteBoolean("external", true);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
