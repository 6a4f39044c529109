using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Platform.Redaction;

/// <summary>
/// Copies a JSON document, hiding every value under a secret-named key (recursively, whatever its shape), every
/// string or property name that holds a known secret or a secret-shaped token, and the same inside strings that
/// themselves hold JSON.
/// </summary>
internal sealed class JsonRedaction(SecretFingerprint fingerprint, KnownSecrets knownSecrets)
{
    /// <summary>How deep JSON held in strings is unpacked (a string of JSON holding a string of JSON...).</summary>
    private const int MaxEmbeddedDepth = 2;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Stored and shown as data, never embedded in HTML: keep it readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Redact(JsonElement root) => Redact(root, embeddedDepth: 0);

    private string Redact(JsonElement root, int embeddedDepth)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, root, underSecretKey: false, embeddedDepth);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private void Write(Utf8JsonWriter writer, JsonElement element, bool underSecretKey, int embeddedDepth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(TextRedaction.Redact(property.Name, knownSecrets, fingerprint));
                    var secret = underSecretKey || SecretKeyNames.IsSecret(property.Name);
                    if (secret && property.Value.ValueKind == JsonValueKind.Number && SecretKeyNames.IsTokenCount(property.Name))
                    {
                        secret = false;
                    }
                    Write(writer, property.Value, secret, embeddedDepth);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item, underSecretKey, embeddedDepth);
                }
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(RedactString(element.GetString()!, underSecretKey, embeddedDepth));
                break;
            case JsonValueKind.Number when underSecretKey:
                // A PIN or numeric key is as secret as a string one.
                writer.WriteStringValue(fingerprint.Marker(element.GetRawText()));
                break;
            default:
                // true, false, null and numbers elsewhere carry no secret.
                element.WriteTo(writer);
                break;
        }
    }

    private string RedactString(string value, bool underSecretKey, int embeddedDepth)
    {
        if (SecretFingerprint.IsMarker(value))
        {
            return value;
        }
        if (underSecretKey)
        {
            return value.Length == 0 ? value : fingerprint.Marker(value);
        }
        if (embeddedDepth < MaxEmbeddedDepth && LooksLikeJson(value) && TryParse(value, out var document))
        {
            using (document)
            {
                return Redact(document.RootElement, embeddedDepth + 1);
            }
        }
        return TextRedaction.Redact(value, knownSecrets, fingerprint);
    }

    private static bool LooksLikeJson(string value)
    {
        var trimmed = value.AsSpan().Trim();
        return trimmed.Length >= 2
            && ((trimmed[0] == '{' && trimmed[^1] == '}') || (trimmed[0] == '[' && trimmed[^1] == ']'));
    }

    public static bool TryParse(string text, out JsonDocument document)
    {
        try
        {
            document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            document = null!;
            return false;
        }
    }
}
