using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Redaction.Tests;

public sealed class NonJsonAndEmbeddedJsonTests
{
    [Fact]
    public void Text_that_is_not_json_comes_back_as_a_redacted_json_string()
    {
        var result = TestRedactor.Instance.RedactJson("not json: password=hunter22");

        Assert.Equal($"not json: password={TestRedactor.Marker("hunter22")}", JsonSerializer.Deserialize<string>(result));
    }

    [Theory]
    [InlineData("{\"a\":")]
    [InlineData("")]
    [InlineData("{'single':'quotes'}")]
    public void Broken_json_still_gives_valid_json(string input)
    {
        var result = TestRedactor.Instance.RedactJson(input);

        Assert.Equal(input, JsonSerializer.Deserialize<string>(result));
    }

    [Fact]
    public void Scalars_at_the_root_are_handled()
    {
        Assert.Equal("42", TestRedactor.Instance.RedactJson("42"));
        Assert.Equal("null", TestRedactor.Instance.RedactJson("null"));
        Assert.Equal($"\"{TestRedactor.Marker("AKIAIOSFODNN7EXAMPLE")}\"", TestRedactor.Instance.RedactJson("\"AKIAIOSFODNN7EXAMPLE\""));
    }

    [Fact]
    public void Null_arguments_give_json_null()
    {
        Assert.Equal("null", TestRedactor.Instance.Redact((JsonNode?)null, []));
    }

    [Fact]
    public void Json_held_in_a_string_is_redacted_inside()
    {
        var redacted = TestRedactor.RedactToElement("""{"body":"{\"password\":\"hunter22\",\"user\":\"bob\"}"}""");

        var body = JsonDocument.Parse(redacted.GetProperty("body").GetString()!).RootElement;
        Assert.Equal(TestRedactor.Marker("hunter22"), body.GetProperty("password").GetString());
        Assert.Equal("bob", body.GetProperty("user").GetString());
    }

    [Fact]
    public void A_string_that_only_looks_like_json_is_redacted_as_text()
    {
        var redacted = TestRedactor.RedactToElement("""{"note":"[see password=hunter22]"}""");

        Assert.Equal($"[see password={TestRedactor.Marker("hunter22]")}", redacted.GetProperty("note").GetString());
    }

    [Fact]
    public void The_callers_node_is_left_unchanged()
    {
        var node = JsonNode.Parse("""{"token":"abc","list":["ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"]}""")!;
        var before = node.ToJsonString();

        TestRedactor.Instance.Redact(node, ["abc"]);

        Assert.Equal(before, node.ToJsonString());
    }

    [Fact]
    public void Deeply_nested_arrays_are_walked()
    {
        var json = new string('[', 40) + "\"AKIAIOSFODNN7EXAMPLE\"" + new string(']', 40);

        var redacted = TestRedactor.Instance.RedactJson(json);

        Assert.DoesNotContain("AKIA", redacted, StringComparison.Ordinal);
        Assert.StartsWith(new string('[', 40), redacted, StringComparison.Ordinal);
    }
}
