using Platform.SecretsVault.Options;

namespace Platform.SecretsVault.Tests.Options;

public sealed class TenantSecretOptionsValidatorTests
{
    [Theory]
    [InlineData("PLATFORM_SECRET_", true)]
    [InlineData("TEAM_SECRETS_", true)]
    [InlineData("Vault__", false)]
    [InlineData("PLATFORM__SECRET_", false)]
    [InlineData("DOTNET_", false)]
    [InlineData("platform_secret_", false)]
    [InlineData("PLATFORM_SECRET", false)]
    [InlineData("P_", false)]
    public void The_env_prefix_can_never_reach_a_platform_setting(string prefix, bool valid)
    {
        Assert.Equal(valid, new EnvSecretOptionsValidator().Validate(null, new EnvSecretOptions { Prefix = prefix }).Succeeded);
    }

    [Fact]
    public void An_operator_grant_of_a_platform_variable_fails_start_up()
    {
        var options = new TenantSecretOptions();
        options.Tenants["acme"] = new TenantSecretGrant { EnvironmentVariables = ["TICKETS_API_KEY", "ConnectionStrings__vaultdb"] };

        var result = new TenantSecretOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Vault:Tenants:acme:EnvironmentVariables:1", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("TICKETS_API_KEY", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_vault_hosts_are_dns_names()
    {
        var options = new TenantSecretOptions();
        options.Tenants["acme"] = new TenantSecretGrant { KeyVaults = [new KeyVaultGrant { Host = "acme.vault.azure.net" }, new KeyVaultGrant { Host = "https://x/" }] };

        var result = new TenantSecretOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Vault:Tenants:acme:KeyVaults:1:Host", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("KeyVaults:0", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new TenantSecretOptionsValidator().Validate(null, new TenantSecretOptions()).Succeeded);
        Assert.True(new EnvSecretOptionsValidator().Validate(null, new EnvSecretOptions()).Succeeded);
    }
}
