using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Redaction.Tests;

/// <summary>A redactor with a fixed test key, and helpers to read its output.</summary>
internal static class TestRedactor
{
    public const string Key = "test-fingerprint-key-0123456789abcdef-0123456789";

    public static readonly SecretRedactor Instance = new(Key);

    public static string Marker(string secret) => $"[REDACTED:{Instance.Fingerprint(secret)}]";

    public static string Redact(string json, params string[] knownSecrets) =>
        Instance.Redact(JsonNode.Parse(json), knownSecrets);

    public static JsonElement RedactToElement(string json, params string[] knownSecrets) =>
        JsonDocument.Parse(Redact(json, knownSecrets)).RootElement;
}
