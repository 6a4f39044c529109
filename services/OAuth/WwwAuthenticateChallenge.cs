using System.Net.Http.Headers;
using System.Text;

namespace Platform.OAuth;

/// <summary>
/// The Bearer challenge of a 401 or 403 (RFC 6750 section 3, RFC 9728 section 5.1): the parameters the MCP
/// authorization spec reads. Parsed by hand because the parameters are one string in <see cref="AuthenticationHeaderValue"/>.
/// </summary>
public sealed record WwwAuthenticateChallenge(string? ResourceMetadata, string? Scope, string? Error)
{
    public bool IsInsufficientScope => string.Equals(Error, "insufficient_scope", StringComparison.Ordinal);

    /// <summary>The Bearer challenge among the response's, or null when there is none.</summary>
    public static WwwAuthenticateChallenge? From(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var challenge in headers.WwwAuthenticate)
        {
            if (string.Equals(challenge.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
            {
                var parameters = ParseParameters(challenge.Parameter ?? "");
                return new WwwAuthenticateChallenge(
                    parameters.GetValueOrDefault("resource_metadata"),
                    parameters.GetValueOrDefault("scope"),
                    parameters.GetValueOrDefault("error"));
            }
        }
        return null;
    }

    /// <summary>auth-param list: <c>name=token</c> or <c>name="quoted \"string\""</c>, separated by commas.</summary>
    public static Dictionary<string, string> ParseParameters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i])))
            {
                i++;
            }
            var nameStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != ',')
            {
                i++;
            }
            var name = text[nameStart..i].Trim();
            if (i >= text.Length || text[i] != '=')
            {
                continue;
            }
            i++;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            string value;
            if (i < text.Length && text[i] == '"')
            {
                var builder = new StringBuilder();
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }
                    builder.Append(text[i]);
                    i++;
                }
                i++;
                value = builder.ToString();
            }
            else
            {
                var valueStart = i;
                while (i < text.Length && text[i] != ',')
                {
                    i++;
                }
                value = text[valueStart..i].Trim();
            }
            if (name.Length > 0)
            {
                result.TryAdd(name, value);
            }
        }
        return result;
    }
}
