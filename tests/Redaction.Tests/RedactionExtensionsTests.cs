using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Platform.Redaction.Tests;

public sealed class RedactionExtensionsTests
{
    [Fact]
    public void The_redactor_takes_its_key_from_configuration()
    {
        using var services = Build(TestRedactor.Key);

        var redactor = services.GetRequiredService<SecretRedactor>();

        Assert.Equal(TestRedactor.Instance.Fingerprint("x"), redactor.Fingerprint("x"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    public void A_missing_or_short_key_fails_validation_without_echoing_it(string? key)
    {
        using var services = Build(key);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RedactionOptions>>().Value);

        Assert.Contains("Redaction:FingerprintKey", error.Message, StringComparison.Ordinal);
        if (key is not null)
        {
            Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
        }
    }

    private static ServiceProvider Build(string? key)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Redaction:FingerprintKey"] = key })
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSecretRedaction()
            .BuildServiceProvider();
    }
}
