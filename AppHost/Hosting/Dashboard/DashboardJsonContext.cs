using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Hosting;

/// <summary>camelCase JSON for everything the dashboard sends.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<ResourceSnapshot>))]
[JsonSerializable(typeof(IReadOnlyList<EnvironmentVariableView>))]
[JsonSerializable(typeof(LogLine))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
