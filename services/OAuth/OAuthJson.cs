using System.Text.Json;

namespace Platform.OAuth;

/// <summary>Reading metadata members leniently by type: a member of the wrong type counts as absent.</summary>
internal static class OAuthJson
{
    public static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static IReadOnlyList<string>? Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : null;

    public static bool Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static long? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;

    /// <summary>An absolute http(s) URL member, or null; a member that is there but is no such URL is an error of the step.</summary>
    public static Uri? Url(JsonElement element, string name, string step, string source)
    {
        if (String(element, name) is not { } text)
        {
            return null;
        }
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return url;
        }
        throw new OAuthException(step, $"{source} gives {name} \"{text}\", which is not an http(s) URL.");
    }
}
