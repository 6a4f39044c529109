using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;

namespace Platform.McpEdge.Catalog;

/// <summary>
/// Copies a protocol object with one property renamed, through its JSON form, so every field the upstream sent
/// (descriptions, schemas, annotations, icons, _meta, and fields newer than this code) is kept.
/// </summary>
public static class PrimitiveRenamer
{
    public static T With<T>(T primitive, string property, string value) where T : class
    {
        ArgumentNullException.ThrowIfNull(primitive);
        var node = JsonSerializer.SerializeToNode(primitive, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(T)))!.AsObject();
        node[property] = JsonValue.Create(value);
        return (T)node.Deserialize(McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(T)))!;
    }
}
