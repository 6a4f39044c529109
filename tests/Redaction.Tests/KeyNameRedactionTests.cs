using System.Text.Json;

namespace Platform.Redaction.Tests;

public sealed class KeyNameRedactionTests
{
    [Theory]
    [InlineData("token")]
    [InlineData("access_token")]
    [InlineData("refreshToken")]
    [InlineData("secret")]
    [InlineData("client_secret")]
    [InlineData("clientSecret")]
    [InlineData("password")]
    [InlineData("db_password")]
    [InlineData("passwd")]
    [InlineData("pwd")]
    [InlineData("passphrase")]
    [InlineData("api key")]
    [InlineData("apikey")]
    [InlineData("api_key")]
    [InlineData("Api-Key")]
    [InlineData("x-api-key")]
    [InlineData("Authorization")]
    [InlineData("proxy-authorization")]
    [InlineData("cookie")]
    [InlineData("Set-Cookie")]
    [InlineData("credential")]
    [InlineData("credentials")]
    [InlineData("private_key")]
    [InlineData("privateKey")]
    [InlineData("session")]
    [InlineData("session_id")]
    [InlineData("SESSIONID")]
    [InlineData("aws_secret_access_key")]
    [InlineData("auth")]
    [InlineData("signing_key")]
    public void Values_under_secret_named_keys_are_redacted(string key)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, string> { [key] = "plain value 123" });

        var redacted = TestRedactor.RedactToElement(json);

        Assert.Equal(TestRedactor.Marker("plain value 123"), redacted.GetProperty(key).GetString());
    }

    [Theory]
    [InlineData("query")]
    [InlineData("author")]
    [InlineData("channel")]
    [InlineData("path")]
    [InlineData("keyword")]
    [InlineData("description")]
    public void Values_under_ordinary_keys_are_kept(string key)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, string> { [key] = "hello world" });

        Assert.Equal(json, TestRedactor.Redact(json));
    }

    [Fact]
    public void Everything_below_a_secret_key_is_redacted_whatever_its_shape()
    {
        var redacted = TestRedactor.RedactToElement("""
            {"credentials":{"user":"bob","pin":1234,"nested":[{"x":"y"}],"enabled":true,"note":null}}
            """);

        var credentials = redacted.GetProperty("credentials");
        Assert.Equal(TestRedactor.Marker("bob"), credentials.GetProperty("user").GetString());
        Assert.Equal(TestRedactor.Marker("1234"), credentials.GetProperty("pin").GetString());
        Assert.Equal(TestRedactor.Marker("y"), credentials.GetProperty("nested")[0].GetProperty("x").GetString());
        Assert.True(credentials.GetProperty("enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, credentials.GetProperty("note").ValueKind);
    }

    [Fact]
    public void Secret_keys_are_found_at_any_depth_in_objects_and_arrays()
    {
        var redacted = TestRedactor.Redact("""
            {"a":[{"b":{"c":[{"headers":{"Authorization":"opaque-value","Accept":"text/plain"}}]}}]}
            """);

        Assert.Equal(
            $$$"""{"a":[{"b":{"c":[{"headers":{"Authorization":"{{{TestRedactor.Marker("opaque-value")}}}","Accept":"text/plain"}}]}}]}""",
            redacted);
    }

    [Fact]
    public void Numbers_under_secret_keys_are_redacted_but_token_counts_are_not()
    {
        var redacted = TestRedactor.RedactToElement("""{"otp":123456,"max_tokens":1024,"input_tokens":10,"tokens":"abc-def"}""");

        Assert.Equal(TestRedactor.Marker("123456"), redacted.GetProperty("otp").GetString());
        Assert.Equal(1024, redacted.GetProperty("max_tokens").GetInt32());
        Assert.Equal(10, redacted.GetProperty("input_tokens").GetInt32());
        Assert.Equal(TestRedactor.Marker("abc-def"), redacted.GetProperty("tokens").GetString());
    }

    [Fact]
    public void Empty_secret_values_stay_empty()
    {
        Assert.Equal("""{"password":""}""", TestRedactor.Redact("""{"password":""}"""));
    }

    [Fact]
    public void Ordinary_values_numbers_and_booleans_are_preserved_exactly()
    {
        const string json = """{"count":3,"ratio":0.25,"big":12345678901234567890,"ok":false,"none":null,"list":[1,"two",3.5],"text":"Grüße <b>&</b>"}""";

        Assert.Equal(json, TestRedactor.Redact(json));
    }
}
