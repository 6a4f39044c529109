namespace Platform.Redaction.Tests;

public sealed class KnownSecretTests
{
    private const string Credential = "upstream-cred-7f3a9c";

    [Fact]
    public void A_value_equal_to_a_credential_of_the_call_is_redacted_under_any_key()
    {
        var redacted = TestRedactor.RedactToElement($$"""{"channel":"{{Credential}}"}""", Credential);

        Assert.Equal(TestRedactor.Marker(Credential), redacted.GetProperty("channel").GetString());
    }

    [Fact]
    public void A_credential_inside_text_is_redacted_in_place()
    {
        var redacted = TestRedactor.RedactToElement($$"""{"url":"https://api.example.com/v1?key={{Credential}}&page=2"}""", Credential);

        Assert.Equal($"https://api.example.com/v1?key={TestRedactor.Marker(Credential)}&page=2", redacted.GetProperty("url").GetString());
    }

    [Fact]
    public void A_credential_in_an_array_and_in_a_property_name_is_redacted()
    {
        var redacted = TestRedactor.Redact($$"""{"list":["a","{{Credential}}"],"{{Credential}}":1}""", Credential);

        Assert.DoesNotContain(Credential, redacted, StringComparison.Ordinal);
        Assert.Equal($$"""{"list":["a","{{TestRedactor.Marker(Credential)}}"],"{{TestRedactor.Marker(Credential)}}":1}""", redacted);
    }

    [Fact]
    public void A_short_credential_is_redacted_only_where_a_value_equals_it()
    {
        var redacted = TestRedactor.RedactToElement("""{"a":"abc","b":"abcdef xyz abc"}""", "abc");

        Assert.Equal(TestRedactor.Marker("abc"), redacted.GetProperty("a").GetString());
        Assert.Equal("abcdef xyz abc", redacted.GetProperty("b").GetString());
    }

    [Fact]
    public void The_longest_credential_wins_when_one_contains_another()
    {
        var redacted = TestRedactor.Instance.RedactText("token-prefix-123456-suffix", ["token-prefix-123456", "token-prefix-123456-suffix"]);

        Assert.Equal(TestRedactor.Marker("token-prefix-123456-suffix"), redacted);
    }

    [Fact]
    public void Empty_and_blank_credentials_are_ignored()
    {
        const string json = """{"a":"","b":" ","c":"text"}""";

        Assert.Equal(json, TestRedactor.Redact(json, "", " "));
    }

    [Fact]
    public void The_same_credential_gets_the_same_marker_everywhere_so_records_can_be_matched()
    {
        var first = TestRedactor.RedactToElement($$"""{"x":"{{Credential}}"}""", Credential).GetProperty("x").GetString();
        var second = TestRedactor.Instance.RedactText($"Bearer {Credential}", [Credential]);

        Assert.Equal($"Bearer {first}", second);
    }
}
