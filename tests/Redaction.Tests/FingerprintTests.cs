namespace Platform.Redaction.Tests;

public sealed class FingerprintTests
{
    [Fact]
    public void A_marker_holds_twelve_lower_case_hex_digits()
    {
        var marker = TestRedactor.Marker("value");

        Assert.Matches("^\\[REDACTED:[0-9a-f]{12}\\]$", marker);
        Assert.True(SecretRedactor.IsMarker(marker));
    }

    [Fact]
    public void The_fingerprint_is_an_hmac_of_the_key_not_a_plain_hash()
    {
        var other = new SecretRedactor("another-fingerprint-key-0123456789abcdef-xyz");

        Assert.NotEqual(TestRedactor.Instance.Fingerprint("value"), other.Fingerprint("value"));
        Assert.Equal(TestRedactor.Instance.Fingerprint("value"), new SecretRedactor(TestRedactor.Key).Fingerprint("value"));
        var plainSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("value"u8));
        Assert.False(plainSha256.StartsWith(TestRedactor.Instance.Fingerprint("value"), StringComparison.Ordinal));
    }

    [Fact]
    public void The_fingerprint_is_the_first_twelve_hex_digits_of_hmac_sha256_with_the_key()
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(TestRedactor.Key), System.Text.Encoding.UTF8.GetBytes("päss wörd")))[..12];

        Assert.Equal(expected, TestRedactor.Instance.Fingerprint("päss wörd"));
    }

    [Fact]
    public void Fingerprints_computed_on_many_threads_at_once_agree()
    {
        var values = Enumerable.Range(0, 2000).Select(i => $"secret-{i % 50}").ToArray();
        var expected = values.Select(TestRedactor.Instance.Fingerprint).ToArray();

        var parallel = new string[values.Length];
        Parallel.For(0, values.Length, i => parallel[i] = TestRedactor.Instance.Fingerprint(values[i]));

        Assert.Equal(expected, parallel);
    }

    [Fact]
    public void Different_values_get_different_fingerprints()
    {
        Assert.NotEqual(TestRedactor.Instance.Fingerprint("value-1"), TestRedactor.Instance.Fingerprint("value-2"));
    }

    [Fact]
    public void Redacting_redacted_output_changes_nothing()
    {
        const string json = """
            {"token":"abc","note":"Bearer zz9988776655 and ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789","password=":"x","nested":"{\"secret\":\"s\"}"}
            """;

        var once = TestRedactor.Redact(json);
        var twice = TestRedactor.Instance.RedactJson(once);

        Assert.Equal(once, twice);
    }

    [Theory]
    [InlineData("")]
    [InlineData("too-short-key")]
    public void A_missing_or_short_key_is_refused(string key)
    {
        Assert.Throws<ArgumentException>(() => new SecretRedactor(key));
    }

    [Theory]
    [InlineData("[REDACTED:0123456789ab]", true)]
    [InlineData("[REDACTED:0123456789AB]", false)]
    [InlineData("[REDACTED:0123456789a]", false)]
    [InlineData("x[REDACTED:0123456789ab]", false)]
    [InlineData("[REDACTED]", false)]
    public void Markers_are_recognised_exactly(string value, bool isMarker)
    {
        Assert.Equal(isMarker, SecretRedactor.IsMarker(value));
    }
}
