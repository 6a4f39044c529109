using Platform.AuditWriter.Ingest;

namespace Platform.AuditWriter.Tests;

public sealed class JsonbTextTests
{
    [Theory]
    [InlineData("""{"a":"x\u0000y"}""", """{"a":"x\ufffdy"}""")]
    [InlineData("""["\u0000","\u0000"]""", """["\ufffd","\ufffd"]""")]
    [InlineData("""{"a":"\\u0000"}""", """{"a":"\\u0000"}""")]
    [InlineData("""{"a":"\\\u0000"}""", """{"a":"\\\ufffd"}""")]
    [InlineData("""{"a":"\u00001"}""", """{"a":"\ufffd1"}""")]
    [InlineData("""{"a":"plain"}""", """{"a":"plain"}""")]
    public void Nul_escapes_become_the_replacement_character_and_nothing_else_changes(string input, string expected)
    {
        Assert.Equal(expected, JsonbText.WithoutNul(input));
    }
}
