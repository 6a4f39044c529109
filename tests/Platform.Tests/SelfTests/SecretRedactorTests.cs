using Platform.Tests.Infrastructure;

namespace Platform.Tests.SelfTests;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Port=5;Username=postgres;Password=s3cr3t-value", "Host=127.0.0.1;Port=5;Username=postgres;Password=***")]
    [InlineData("connecting to amqp://platform:s3cr3t-value@127.0.0.1:5672 now", "connecting to amqp://platform:***@127.0.0.1:5672 now")]
    [InlineData("{\"pwd\": \"x\", \"PWD=s3cr3t-value;\"}", "{\"pwd\": \"x\", \"PWD=***;\"}")]
    public void Credentials_are_masked(string text, string expected)
    {
        Assert.Equal(expected, SecretRedactor.Redact(text));
    }

    [Fact]
    public void Known_secrets_are_masked_wherever_they_appear()
    {
        var redacted = SecretRedactor.Redact("token s3cr3t-value in a log line", ["s3cr3t-value"]);

        Assert.Equal("token *** in a log line", redacted);
    }
}
