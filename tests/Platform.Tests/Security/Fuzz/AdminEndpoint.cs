using System.Text.Json;

namespace Platform.Tests.Security.Fuzz;

/// <summary>
/// One admin API operation the fuzzer knows: its method and path, a well-formed body as raw JSON fields (made fresh
/// for each input, so well-formed creates succeed), and where an entry it created can be read back.
/// </summary>
public sealed record AdminEndpoint(string Method, string Path, Func<int, IReadOnlyList<KeyValuePair<string, string>>>? Fields, Func<JsonElement, string?>? ReadBack = null)
{
    public static Func<JsonElement, string?> ById(string collection) =>
        answer => answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("id", out var id) ? $"{collection}/{id.GetString()}" : null;

    public static Func<JsonElement, string?> ByRouteId =>
        answer => answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("route", out var route) ? $"/api/webhooks/routes/{route.GetProperty("id").GetString()}" : null;
}
