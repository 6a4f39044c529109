using Platform.SecretsVault.Binding;
using Platform.SecretsVault.Options;
using Platform.SecretsVault.Sources;
using Platform.SecretsVault.Storage;

namespace Platform.SecretsVault.Tests.Binding;

public sealed class TenantReferencePolicyTests
{
    private readonly TenantReferencePolicy _policy = TenantPolicies.Create(new()
    {
        ["acme"] = new TenantSecretGrant
        {
            EnvironmentVariables = ["SHARED_SLACK_TOKEN"],
            KeyVaults = [new KeyVaultGrant { Host = "ACME.vault.azure.net" }, new KeyVaultGrant { Host = "shared.vault.azure.net", SecretNamePrefix = "acme-" }],
        },
        ["globex"] = new TenantSecretGrant { KeyVaults = [new KeyVaultGrant { Host = "shared.vault.azure.net", SecretNamePrefix = "globex-" }] },
    });

    [Theory]
    [InlineData("acme", "PLATFORM_SECRET_ACME__TICKETS")]
    [InlineData("acme", "PLATFORM_SECRET_ACME__A")]
    [InlineData("acme", "SHARED_SLACK_TOKEN")]
    [InlineData("acme-prod", "PLATFORM_SECRET_ACME_PROD__TICKETS")]
    [InlineData("9lives", "PLATFORM_SECRET_9LIVES__X_Y")]
    public void A_tenants_own_prefix_and_its_granted_names_are_accepted(string slug, string variable)
    {
        Assert.Null(_policy.RefuseVariable(slug, variable));
        Assert.Null(_policy.Refuse(slug, new EnvReference(variable)));
    }

    [Theory]
    // The old global prefix, another tenant's variables, and prefixes that merely start the same way.
    [InlineData("globex", "PLATFORM_SECRET_TICKETS")]
    [InlineData("globex", "PLATFORM_SECRET_ACME__TICKETS")]
    [InlineData("acme", "PLATFORM_SECRET_ACME_PROD__TICKETS")]
    [InlineData("acme", "PLATFORM_SECRET_ACME___TICKETS")]
    [InlineData("acme", "PLATFORM_SECRET_ACME__PROD__TICKETS")]
    [InlineData("acme", "PLATFORM_SECRET_ACME__")]
    [InlineData("acme", "platform_secret_acme__TICKETS")]
    [InlineData("acme-prod", "PLATFORM_SECRET_ACME__TICKETS")]
    // Another tenant's operator grant.
    [InlineData("globex", "SHARED_SLACK_TOKEN")]
    // The platform's own configuration, whatever the tenant.
    [InlineData("acme", "ConnectionStrings__vaultdb")]
    [InlineData("acme", "Vault__MasterKeys__1")]
    [InlineData("acme", "ServiceAuth__Key")]
    [InlineData("acme", "DOTNET_ENVIRONMENT")]
    [InlineData("acme", "ASPNETCORE_URLS")]
    [InlineData("acme", "OTEL_EXPORTER_OTLP_HEADERS")]
    [InlineData("acme", "PATH")]
    [InlineData("acme", "")]
    [InlineData("acme", "PLATFORM_SECRET_ACME__BAD-NAME")]
    public void Anything_else_is_refused_without_repeating_the_name(string slug, string variable)
    {
        var refusal = _policy.RefuseVariable(slug, variable);

        Assert.NotNull(refusal);
        Assert.NotNull(_policy.Refuse(slug, new EnvReference(variable)));
        // The tenant's own prefix is named in the rule; any other name must not be echoed.
        if (variable.Length > 0 && variable != TenantEnvPrefix.For(EnvSecretOptions.DefaultPrefix, slug))
        {
            Assert.DoesNotContain(variable, refusal, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_platform_variable_is_refused_even_when_the_operator_lists_it()
    {
        var policy = TenantPolicies.Create(new() { ["acme"] = new TenantSecretGrant { EnvironmentVariables = ["ConnectionStrings__vaultdb", "DOTNET_gcServer"] } });

        Assert.NotNull(policy.RefuseVariable("acme", "ConnectionStrings__vaultdb"));
        Assert.NotNull(policy.RefuseVariable("acme", "DOTNET_gcServer"));
    }

    [Fact]
    public void A_renamed_tenant_no_longer_reaches_the_variables_of_its_old_slug()
    {
        var reference = new EnvReference("PLATFORM_SECRET_ACME__TICKETS");

        Assert.Null(_policy.Refuse("acme", reference));
        Assert.NotNull(_policy.Refuse("acme-renamed", reference));
    }

    [Theory]
    [InlineData("acme", "https://acme.vault.azure.net/secrets/anything", true)]
    [InlineData("acme", "https://shared.vault.azure.net/secrets/acme-tickets", true)]
    [InlineData("acme", "https://shared.vault.azure.net/secrets/ACME-tickets", true)]
    [InlineData("acme", "https://shared.vault.azure.net/secrets/globex-tickets", false)]
    [InlineData("globex", "https://shared.vault.azure.net/secrets/globex-tickets", true)]
    [InlineData("globex", "https://acme.vault.azure.net/secrets/anything", false)]
    [InlineData("initech", "https://acme.vault.azure.net/secrets/anything", false)]
    [InlineData("acme", "https://contoso.vault.azure.net/secrets/anything", false)]
    public void Key_vaults_are_the_tenants_own_list_with_an_optional_name_prefix(string slug, string identifier, bool allowed)
    {
        Assert.True(CloudSecretIdentifier.TryParse(identifier, out var parsed, out _));

        var refusal = _policy.Refuse(slug, new CloudReference(parsed));

        Assert.Equal(allowed, refusal is null);
    }
}
