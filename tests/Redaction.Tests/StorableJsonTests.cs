using System.Text.Json;

namespace Platform.Redaction.Tests;

public sealed class StorableJsonTests
{
    [Theory]
    [InlineData("""{"a":"x\u0000y"}""", """{"a":"x\ufffdy"}""")]
    [InlineData("""["\u0000","\u0000"]""", """["\ufffd","\ufffd"]""")]
    [InlineData("""{"a":"\\\u0000"}""", """{"a":"\\\ufffd"}""")]
    [InlineData("""{"a":"\ud800"}""", """{"a":"\ufffd"}""")]
    [InlineData("""{"a":"\udc00x"}""", """{"a":"\ufffdx"}""")]
    [InlineData("""{"\u0000key":1}""", """{"\ufffdkey":1}""")]
    [InlineData("""{"n":1e99999999999}""", """{"n":"1e99999999999"}""")]
    [InlineData("""[-1E+400,1e-99999]""", """["-1E+400","1e-99999"]""")]
    public void What_jsonb_refuses_is_made_storable(string input, string expected)
    {
        Assert.Equal(expected, StorableJson.From(input, out var altered));
        Assert.True(altered);
        using var parsed = JsonDocument.Parse(expected);
    }

    [Theory]
    [InlineData("""{"a":"\\u0000"}""")]
    [InlineData("""{"a":"\ud83d\ude00 pair"}""")]
    [InlineData("""{"n":[0,-0.0,0e10,1.5e300,-2.25e-300,12345678901234567890,"1e99999"]}""")]
    [InlineData("""{"a":"plain","b":true,"c":null}""")]
    [InlineData("null")]
    public void Storable_json_is_returned_unchanged(string input)
    {
        Assert.Same(input, StorableJson.From(input, out var altered));
        Assert.False(altered);
    }

    [Fact]
    public void Raw_unpaired_surrogates_and_nul_become_the_replacement_character()
    {
        Assert.Equal("\"a\uFFFDb\uFFFD\"", StorableJson.From("\"a\uD800b\0\"", out var altered));
        Assert.True(altered);
    }

    [Fact]
    public void A_number_longer_than_a_thousand_characters_becomes_a_string()
    {
        var digits = new string('7', 1001);

        Assert.Equal($"[\"{digits}\"]", StorableJson.From($"[{digits}]", out _));
    }

    [Fact]
    public void The_redactor_accepts_what_storable_json_gives_back()
    {
        var storable = StorableJson.From("""{"name":"\ud800","password":"hunter22","n":1e99999999999}""", out _);

        using var redacted = JsonDocument.Parse(TestRedactor.Instance.RedactJson(storable));

        Assert.Equal("\uFFFD", redacted.RootElement.GetProperty("name").GetString());
        Assert.Equal("1e99999999999", redacted.RootElement.GetProperty("n").GetString());
        Assert.Equal(TestRedactor.Marker("hunter22"), redacted.RootElement.GetProperty("password").GetString());
    }
}
