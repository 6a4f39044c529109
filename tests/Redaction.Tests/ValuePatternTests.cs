namespace Platform.Redaction.Tests;

public sealed class ValuePatternTests
{
    public static TheoryData<string> Secrets => new()
    {
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
        "gho_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
        "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTU",
        "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
        "xoxp-123456789012-1234567890123-1234567890123-abcdef0123456789abcdef0123456789",
        "xoxa-2-abcdefghij0123456789",
        "xoxr-abcdefghij0123456789",
        "AKIAIOSFODNN7EXAMPLE",
        "sk_live_51HqLyjWDarjtT1zdp7dcXYZ0123456789abcdef",
        "rk_live_51HqLyjWDarjtT1zdp7dcXYZ0123456789abcdef",
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789",
        "sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789",
        "AIzaSyA1234567890abcdefghijklmnopqrstuv",
        "agt_3kT9xQ2mV8pL5nR7wZ1yB4cD6fH0jK",
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void A_secret_shaped_value_under_an_ordinary_key_is_redacted(string secret)
    {
        var redacted = TestRedactor.RedactToElement($$"""{"note":"{{secret}}"}""");

        Assert.Equal(TestRedactor.Marker(secret), redacted.GetProperty("note").GetString());
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void A_secret_embedded_in_text_is_replaced_and_the_text_around_it_kept(string secret)
    {
        var redacted = TestRedactor.Instance.RedactText($"deploy with {secret} then report");

        Assert.Equal($"deploy with {TestRedactor.Marker(secret)} then report", redacted);
    }

    [Fact]
    public void Bearer_credentials_keep_the_scheme_and_lose_the_token()
    {
        var redacted = TestRedactor.Instance.RedactText("curl -H 'X-Trace: 1' --oauth Bearer abc123def456ghi789 https://example.com");

        Assert.Equal($"curl -H 'X-Trace: 1' --oauth Bearer {TestRedactor.Marker("abc123def456ghi789")} https://example.com", redacted);
    }

    [Fact]
    public void An_authorization_header_in_text_loses_its_credential_whatever_the_scheme()
    {
        Assert.Equal(
            $"Authorization: Basic {TestRedactor.Marker("dXNlcjpwYXNzd29yZA==")}",
            TestRedactor.Instance.RedactText("Authorization: Basic dXNlcjpwYXNzd29yZA=="));
        Assert.Equal(
            $"authorization={TestRedactor.Marker("opaqueonly")}",
            TestRedactor.Instance.RedactText("authorization=opaqueonly"));
    }

    [Fact]
    public void Prose_about_bearer_authentication_is_not_redacted()
    {
        const string text = "Use bearer authentication for this endpoint.";

        Assert.Equal(text, TestRedactor.Instance.RedactText(text));
    }

    [Fact]
    public void A_pem_private_key_is_redacted_as_one_block()
    {
        const string pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7v1x\nq2w3e4r5t6y7u8i9o0p\n-----END RSA PRIVATE KEY-----";

        var redacted = TestRedactor.RedactToElement($$"""{"file":"header\n{{pem.Replace("\n", "\\n", StringComparison.Ordinal)}}\nfooter"}""");

        Assert.Equal($"header\n{TestRedactor.Marker(pem)}\nfooter", redacted.GetProperty("file").GetString());
    }

    [Fact]
    public void A_truncated_pem_private_key_is_redacted_to_the_end()
    {
        var redacted = TestRedactor.Instance.RedactText("key: -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC");

        Assert.DoesNotContain("MIIEvQ", redacted, StringComparison.Ordinal);
        Assert.StartsWith("key: [REDACTED:", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_key_or_certificate_is_not_redacted()
    {
        const string text = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----";

        Assert.Equal(text, TestRedactor.Instance.RedactText(text));
    }

    [Theory]
    [InlineData("password=hunter22 and more", "password=", "hunter22", " and more")]
    [InlineData("db_password: s3cr3t!", "db_password: ", "s3cr3t!", "")]
    [InlineData("GET /v1?api_key=abcdef123&q=x", "GET /v1?api_key=", "abcdef123", "&q=x")]
    [InlineData("\"client_secret\": \"cs-998877\"", "\"client_secret\": \"", "cs-998877", "\"")]
    [InlineData("Cookie: sid=31d4d96e407aad42; lang=en", "Cookie: ", "sid=31d4d96e407aad42", "; lang=en")]
    [InlineData("x-api-key: kkkkkkkk", "x-api-key: ", "kkkkkkkk", "")]
    public void Secret_assignments_in_text_lose_their_value(string text, string before, string secret, string after)
    {
        Assert.Equal(before + TestRedactor.Marker(secret) + after, TestRedactor.Instance.RedactText(text));
    }

    [Fact]
    public void The_password_in_a_url_is_redacted_and_the_rest_kept()
    {
        Assert.Equal(
            $"connect to postgres://app:{TestRedactor.Marker("p4ssw0rd")}@db:5432/main",
            TestRedactor.Instance.RedactText("connect to postgres://app:p4ssw0rd@db:5432/main"));
    }

    [Fact]
    public void A_slack_webhook_url_loses_its_secret_path()
    {
        const string path = "T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";

        Assert.Equal(
            $"https://hooks.slack.com/services/{TestRedactor.Marker(path)}",
            TestRedactor.Instance.RedactText($"https://hooks.slack.com/services/{path}"));
    }

    [Theory]
    [InlineData("max_tokens=100")]
    [InlineData("The token_type is bearer")]
    [InlineData("ghp_short")]
    [InlineData("AKIA1234")]
    [InlineData("task-0123456789012345678901234")]
    [InlineData("Ask the author about the session.")]
    public void Look_alikes_are_not_redacted(string text)
    {
        Assert.Equal(text, TestRedactor.Instance.RedactText(text));
    }

    [Fact]
    public void Several_secrets_in_one_string_are_all_redacted()
    {
        var redacted = TestRedactor.Instance.RedactText(
            "a=AKIAIOSFODNN7EXAMPLE b=ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789 c=xoxb-123456789012-abcdefghijkl");

        Assert.DoesNotContain("AKIA", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb", redacted, StringComparison.Ordinal);
        Assert.Equal(3, redacted.Split("[REDACTED:").Length - 1);
    }
}
