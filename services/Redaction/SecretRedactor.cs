using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Platform.Redaction;

/// <summary>
/// Hides secrets in tool-call arguments and other text before they are recorded. Each hidden value becomes
/// <c>[REDACTED:&lt;fingerprint&gt;]</c>, the fingerprint being the first 12 hex digits of HMAC-SHA256 keyed with
/// <c>Redaction:FingerprintKey</c>, so the same secret gives the same marker everywhere without being stored.
/// Thread-safe; register once with <see cref="RedactionExtensions.AddSecretRedaction"/>.
/// </summary>
public sealed class SecretRedactor
{
    private readonly SecretFingerprint _fingerprint;
    private readonly JsonRedaction _withoutKnownSecrets;

    public SecretRedactor(IOptions<RedactionOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value.FingerprintKey)
    {
    }

    /// <param name="fingerprintKey">At least <see cref="RedactionOptions.MinimumKeyLength"/> characters.</param>
    public SecretRedactor(string fingerprintKey)
    {
        _fingerprint = new SecretFingerprint(fingerprintKey);
        _withoutKnownSecrets = new JsonRedaction(_fingerprint, KnownSecrets.None);
    }

    /// <summary>
    /// The arguments of a call as compact JSON with secrets hidden; <c>null</c> gives <c>"null"</c>. The node is
    /// not changed. <paramref name="knownSecrets"/> are the credential values the call used (empty when none).
    /// </summary>
    public string Redact(JsonNode? arguments, IReadOnlyCollection<string> knownSecrets)
    {
        ArgumentNullException.ThrowIfNull(knownSecrets);
        if (arguments is null)
        {
            return "null";
        }
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            arguments.WriteTo(writer);
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return Walker(knownSecrets).Redact(document.RootElement);
    }

    /// <summary>
    /// JSON text with secrets hidden, always returned as valid JSON: text that is not JSON is redacted as text and
    /// returned as a JSON string, so the result can go straight into a <c>jsonb</c> column.
    /// </summary>
    public string RedactJson(string json, IReadOnlyCollection<string>? knownSecrets = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (JsonRedaction.TryParse(json, out var document))
        {
            using (document)
            {
                return Walker(knownSecrets).Redact(document.RootElement);
            }
        }
        return JsonSerializer.Serialize(RedactText(json, knownSecrets));
    }

    /// <summary>Free text (an error message, a header value, a log line) with secrets hidden.</summary>
    public string RedactText(string text, IReadOnlyCollection<string>? knownSecrets = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TextRedaction.Redact(text, KnownSecrets.From(knownSecrets), _fingerprint);
    }

    /// <summary>
    /// Text with only the given credential values hidden, no pattern matching: for what an upstream sends back, where
    /// secret-shaped tokens are the upstream's own data but the caller's credential must never reappear.
    /// </summary>
    public string RedactKnown(string text, IReadOnlyCollection<string> knownSecrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        var known = KnownSecrets.From(knownSecrets);
        return known.IsExactly(text) ? _fingerprint.Marker(text) : known.ReplaceEmbedded(text, _fingerprint);
    }

    /// <summary>The 12-hex-digit fingerprint a value would get in its marker.</summary>
    public string Fingerprint(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return _fingerprint.Fingerprint(value);
    }

    /// <summary>True when <paramref name="value"/> is exactly one <c>[REDACTED:...]</c> marker.</summary>
    public static bool IsMarker(string value) => value is not null && SecretFingerprint.IsMarker(value);

    private JsonRedaction Walker(IReadOnlyCollection<string>? knownSecrets) =>
        knownSecrets is null || knownSecrets.Count == 0
            ? _withoutKnownSecrets
            : new JsonRedaction(_fingerprint, KnownSecrets.From(knownSecrets));
}
