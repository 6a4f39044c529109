namespace Platform.Tests.Security.Fuzz;

/// <summary>
/// Raw JSON text of values that have broken JSON services before: lone surrogates, NUL, numbers no database column
/// holds, deep nesting, huge strings, injection strings, and values of every wrong type.
/// </summary>
public static class HostileJson
{
    public static readonly string[] Values =
    [
        "\"\\ud800\"", "\"x\\udfffy\"", "\"a\\u0000b\"", "\"\\u0000\"", "\"\\t\"", "\"\\u202e\\u200b\"",
        "1e99999999999", "-1e400", "123456789012345678901234567890", "1.5", "-0", "0", "-1",
        "9223372036854775808", "null", "true", "false", "[]", "{}", "\"\"", "[null]", "{\"__proto__\":{\"a\":1}}",
        "\"${jndi:ldap://127.0.0.1/a}\"", "\"' OR 1=1 --\"", "\"../../../../etc/passwd\"", "\"<script>alert(1)</script>\"",
        "\"%00%0d%0a\"", "\"\\r\\nX-Injected: 1\"", "\"http://169.254.169.254/latest/meta-data/\"", "\"日本語😀\"",
        Repeat("\"", 'a', 300), Repeat("\"", 'b', 70_000), Nested(64), Nested(3000), "{\"a\":" + Nested(200) + "}",
        "[" + string.Join(',', Enumerable.Repeat("1e308", 2000)) + "]",
    ];

    /// <summary>Bodies that are not JSON, or not valid UTF-8, or not a JSON-RPC message at all.</summary>
    public static readonly byte[][] MalformedBodies =
    [
        [], "{"u8.ToArray(), "}"u8.ToArray(), "null"u8.ToArray(), "[]"u8.ToArray(), "[[]]"u8.ToArray(), "\"text\""u8.ToArray(),
        [0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}'], [0xFF, 0xFE, 0x00, 0x7B], [(byte)'{', (byte)'"', 0xC0, 0xAF, (byte)'"', (byte)':', (byte)'1', (byte)'}'],
        [(byte)'"', 0xE2, 0x82, (byte)'"'], "{\"a\":1,\"a\":2}"u8.ToArray(), "{'single':'quotes'}"u8.ToArray(),
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}{\"trailing\":1}"u8.ToArray(), "<html></html>"u8.ToArray(),
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",/*comment*/\"params\":{}}"u8.ToArray(), "1e99999999999"u8.ToArray(),
    ];

    public static string Repeat(string quote, char c, int count) => quote + new string(c, count) + quote;

    public static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    public static string Pick(Random random) => Values[random.Next(Values.Length)];
}
