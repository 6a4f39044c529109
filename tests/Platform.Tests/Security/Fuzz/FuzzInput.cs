using System.Net.Http.Headers;

namespace Platform.Tests.Security.Fuzz;

/// <summary>One generated request: which service it goes to (directly or through the gateway), and its raw parts.</summary>
public sealed record FuzzInput(string Kind, string Target, HttpMethod Method, string Path, byte[]? Body, string? ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>Set by the admin generator on a well-formed create: where the created entry can be read back.</summary>
    public Func<System.Text.Json.JsonElement, string?>? ReadBack { get; init; }

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            request.Content.Headers.ContentType = null;
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    public override string ToString()
    {
        var body = Body is null ? "" : System.Text.Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 160));
        var headers = string.Join("; ", Headers.Where(h => h.Key != "Authorization").Select(h => $"{h.Key}: {Shorten(h.Value)}"));
        return $"[{Kind}] {Method} {Target}{Path} ct={ContentType} {headers} body={body}";
    }

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;

    public static KeyValuePair<string, string> Header(string name, string value) => new(name, value);

    public static KeyValuePair<string, string> Bearer(string token) => new("Authorization", new AuthenticationHeaderValue("Bearer", token).ToString());
}
