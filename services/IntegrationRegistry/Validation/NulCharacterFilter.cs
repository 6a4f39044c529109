using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.IntegrationRegistry.Validation;

/// <summary>
/// One check for every registry endpoint: a NUL character (U+0000) in any string it receives (path, query or any
/// field of the JSON body, in lists and maps too) answers 400 naming the field. PostgreSQL cannot store NUL in
/// text, so without this the request reached the database and failed with 500.
/// </summary>
public sealed class NulCharacterFilter : IEndpointFilter
{
    private const int MaxDepth = 8;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters();
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            var name = parameters is not null && i < parameters.Length ? parameters[i].Name ?? "" : "";
            if (FindNul(context.Arguments[i], parameters?[i].ParameterType == typeof(string) ? name : "", 0) is { } field)
            {
                var key = field.Length == 0 ? "body" : field;
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [key] = ["The value contains a NUL character (U+0000), which is not allowed."] });
            }
        }
        return await next(context);
    }

    /// <summary>The JSON path of the first string holding NUL inside <paramref name="value"/>, or null.</summary>
    private static string? FindNul(object? value, string path, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return text.Contains('\0', StringComparison.Ordinal) ? path : null;
            case IDictionary dictionary when depth < MaxDepth:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = entry.Key.ToString() ?? "";
                    var entryPath = Join(path, key);
                    if (key.Contains('\0', StringComparison.Ordinal))
                    {
                        return path;
                    }
                    if (FindNul(entry.Value, entryPath, depth + 1) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case IEnumerable items when depth < MaxDepth:
                var index = 0;
                foreach (var item in items)
                {
                    if (FindNul(item, $"{path}[{index++}]", depth + 1) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            default:
                return IsRequestModel(value.GetType()) && depth < MaxDepth ? FindInProperties(value, path, depth) : null;
        }
    }

    private static string? FindInProperties(object value, string path, int depth)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (FindNul(property.GetValue(value), Join(path, name), depth + 1) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    /// <summary>Request bodies are the registry's own records (and its client's, for the internal API); services are not.</summary>
    private static bool IsRequestModel(Type type) =>
        type.Namespace is "Platform.IntegrationRegistry.Model" or "Platform.IntegrationRegistry.Client";

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
