using System.Text.Json.Nodes;
using NJsonSchema;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Manifest;

/// <summary>
/// The Aspire 8.0 manifest schema (draft-07), loaded for NJsonSchema 10.7.2, the version the registry here has.
/// That version reads draft-04 only: it cannot parse boolean subschemas and silently ignores <c>const</c>, which
/// would let a <c>project.v0</c> resource match both the project.v0 and project.v1 branches of the schema's
/// <c>oneOf</c> and so fail every valid manifest. Both are rewritten to their exact draft-04 equivalents first.
/// </summary>
public static class ManifestSchema
{
    /// <summary>Keywords whose value is one schema.</summary>
    private static readonly HashSet<string> SchemaKeywords =
        ["not", "items", "contains", "propertyNames", "if", "then", "else", "additionalItems", "additionalProperties"];

    /// <summary>Keywords whose value maps names to schemas.</summary>
    private static readonly HashSet<string> SchemaMapKeywords = ["properties", "patternProperties", "definitions", "dependencies"];

    /// <summary>Keywords whose value is an array of schemas.</summary>
    private static readonly HashSet<string> SchemaArrayKeywords = ["allOf", "anyOf", "oneOf", "items"];

    public static async Task<JsonSchema> LoadAsync()
    {
        var schema = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.ManifestSchema))!;
        return await JsonSchema.FromJsonAsync(ToDraft4(schema, isTopLevelBoolean: false).ToJsonString());
    }

    /// <summary>
    /// <c>true</c> becomes <c>{}</c>, <c>false</c> becomes <c>{"not": {}}</c>, <c>"const": x</c> becomes
    /// <c>"enum": [x]</c>. <c>additionalProperties: false</c> stays: NJsonSchema reads that one.
    /// </summary>
    private static JsonNode ToDraft4(JsonNode schema, bool isTopLevelBoolean = true)
    {
        if (isTopLevelBoolean && schema is JsonValue value && value.TryGetValue<bool>(out var allows))
        {
            return allows ? new JsonObject() : new JsonObject { ["not"] = new JsonObject() };
        }
        if (schema is not JsonObject obj)
        {
            return schema;
        }
        if (obj["const"] is { } constant && !obj.ContainsKey("enum"))
        {
            obj.Remove("const");
            obj["enum"] = new JsonArray(constant);
        }
        foreach (var (keyword, child) in obj.ToList())
        {
            switch (child)
            {
                case JsonObject map when SchemaMapKeywords.Contains(keyword):
                    foreach (var (name, subschema) in map.ToList())
                    {
                        map[name] = subschema is null ? null : ToDraft4(subschema.DeepClone());
                    }
                    break;
                case JsonArray array when SchemaArrayKeywords.Contains(keyword):
                    for (var i = 0; i < array.Count; i++)
                    {
                        array[i] = array[i] is { } item ? ToDraft4(item.DeepClone()) : null;
                    }
                    break;
                case not null when SchemaKeywords.Contains(keyword):
                    obj[keyword] = ToDraft4(child.DeepClone(), isTopLevelBoolean: keyword != "additionalProperties");
                    break;
            }
        }
        return obj;
    }
}
