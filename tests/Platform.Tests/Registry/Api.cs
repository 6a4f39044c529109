using System.Net;
using System.Text.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Registry;

/// <summary>Reading answers of the registry's API; failure messages show status and (redacted) body, never a key.</summary>
public static class Api
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{what}: {(int)response.StatusCode} {SecretRedactor.Redact(body)}", null, response.StatusCode);
        }
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem with this status and, if given, errors for exactly these fields (among others allowed).</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, params string[] fields)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {SecretRedactor.Redact(body)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (fields.Length > 0)
        {
            var errors = problem.GetProperty("errors");
            foreach (var field in fields)
            {
                Assert.True(errors.TryGetProperty(field, out _), $"no error for '{field}' in {body}");
            }
        }
        return problem;
    }

    public static IReadOnlyList<Guid> Ids(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetProperty("id").GetGuid())];
}
