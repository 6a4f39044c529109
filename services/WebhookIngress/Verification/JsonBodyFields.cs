using System.Text.Json;

namespace Platform.WebhookIngress.Verification;

/// <summary>Reads one top-level string property of a JSON object body, tolerating bodies that are not JSON at all.</summary>
public static class JsonBodyFields
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>The value of the top-level string property <paramref name="name"/>, or null (not JSON, not an object, absent, not a string).</summary>
    public static string? TryGetString(ReadOnlyMemory<byte> body, string name)
    {
        try
        {
            var reader = new Utf8JsonReader(body.Span, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var matches = reader.ValueTextEquals(name);
                if (!reader.Read())
                {
                    return null;
                }
                if (matches)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                reader.Skip();
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
