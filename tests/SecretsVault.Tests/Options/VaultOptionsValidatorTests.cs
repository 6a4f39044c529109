using Platform.SecretsVault.Options;

namespace Platform.SecretsVault.Tests.Options;

public sealed class VaultOptionsValidatorTests
{
    private readonly VaultOptionsValidator _validator = new();

    [Fact]
    public void A_master_key_of_64_characters_is_enough()
    {
        var options = new VaultOptions { MasterKeys = { [1] = TestKeys.NewMasterKey() } };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void No_master_key_fails_start_up()
    {
        Assert.True(_validator.Validate(null, new VaultOptions()).Failed);
    }

    [Fact]
    public void Bad_keys_fail_without_the_message_repeating_them()
    {
        const string Short = "short-master-key-value";
        const string ShortOperatorKey = "short-operator-key";
        var result = _validator.Validate(null, new VaultOptions { MasterKeys = { [2] = Short }, OperatorKey = ShortOperatorKey });

        Assert.True(result.Failed);
        Assert.Contains("version 2", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(Short, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(ShortOperatorKey, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Cloud_endpoint_overrides_must_be_https()
    {
        var options = new CloudSecretOptions { Endpoints = { ["contoso.vault.azure.net"] = new Uri("http://localhost:8080/") } };

        Assert.True(new CloudSecretOptionsValidator().Validate(null, options).Failed);
    }
}
