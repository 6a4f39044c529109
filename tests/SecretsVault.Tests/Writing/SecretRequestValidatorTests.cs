using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.SecretsVault.Client;
using Platform.SecretsVault.Options;
using Platform.SecretsVault.Sources;
using Platform.SecretsVault.Tests.Sources;
using Platform.SecretsVault.Writing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Platform.SecretsVault.Tests.Writing;

public sealed class SecretRequestValidatorTests
{
    private const string Canary = "sk_live_VALIDATOR_CANARY_3f9a";
    private static readonly Guid Tenant = Guid.NewGuid();

    private readonly SecretRequestValidator _validator;

    public SecretRequestValidatorTests()
    {
        var cloudOptions = MsOptions.Create(new CloudSecretOptions { AllowedHosts = ["contoso.vault.azure.net"] });
        var cloud = new CloudSecretSource(cloudOptions, new KeyVaultClients(cloudOptions, new StaticTokenCredential("never-used")),
            new MemoryCache(new MemoryCacheOptions()), NullLogger<CloudSecretSource>.Instance);
        _validator = new SecretRequestValidator(
            MsOptions.Create(new VaultOptions { MaxSecretBytes = 64 }),
            new EnvSecretSource(MsOptions.Create(new EnvSecretOptions())),
            cloud);
    }

    public static TheoryData<CreateSecretRequest> Valid => new()
    {
        new CreateSecretRequest(Tenant, SecretKinds.Encrypted, "api-key", Value: Canary),
        new CreateSecretRequest(Tenant, SecretKinds.Env, "Slack bot token (shared)", VariableName: "PLATFORM_SECRET_SLACK"),
        new CreateSecretRequest(Tenant, SecretKinds.Cloud, "oauth-client-secret", SecretIdentifier: "https://contoso.vault.azure.net/secrets/client"),
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Each_form_with_exactly_its_field_is_accepted(CreateSecretRequest request)
    {
        Assert.Empty(_validator.Validate(request));
    }

    public static TheoryData<string, CreateSecretRequest> Invalid => new()
    {
        { "kind", new CreateSecretRequest(Tenant, "plaintext", "api-key", Value: Canary) },
        { "tenantId", new CreateSecretRequest(Guid.Empty, SecretKinds.Encrypted, "api-key", Value: Canary) },
        { "purpose", new CreateSecretRequest(Tenant, SecretKinds.Encrypted, Canary + " is in the wrong field!", Value: Canary) },
        { "value", new CreateSecretRequest(Tenant, SecretKinds.Encrypted, "api-key") },
        { "value", new CreateSecretRequest(Tenant, SecretKinds.Encrypted, "api-key", Value: new string('x', 65)) },
        { "variableName", new CreateSecretRequest(Tenant, SecretKinds.Encrypted, "api-key", Value: Canary, VariableName: "PLATFORM_SECRET_X") },
        { "variableName", new CreateSecretRequest(Tenant, SecretKinds.Env, "api-key", VariableName: Canary) },
        { "variableName", new CreateSecretRequest(Tenant, SecretKinds.Env, "api-key", VariableName: "ConnectionStrings__vaultdb") },
        { "value", new CreateSecretRequest(Tenant, SecretKinds.Env, "api-key", Value: Canary, VariableName: "PLATFORM_SECRET_X") },
        { "secretIdentifier", new CreateSecretRequest(Tenant, SecretKinds.Cloud, "api-key", SecretIdentifier: Canary) },
        { "secretIdentifier", new CreateSecretRequest(Tenant, SecretKinds.Cloud, "api-key", SecretIdentifier: "https://evil.vault.azure.net/secrets/x") },
        { "value", new CreateSecretRequest(Tenant, SecretKinds.Cloud, "api-key", Value: Canary, SecretIdentifier: "https://contoso.vault.azure.net/secrets/x") },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Malformed_requests_name_the_field_and_never_echo_the_input(string field, CreateSecretRequest request)
    {
        var errors = _validator.Validate(request);

        Assert.Contains(field, errors.Keys);
        var text = string.Join(" ", errors.SelectMany(e => e.Value.Prepend(e.Key)));
        Assert.DoesNotContain(Canary, text, StringComparison.Ordinal);
        Assert.DoesNotContain("vaultdb", text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_records_never_print_material()
    {
        Assert.DoesNotContain(Canary, new CreateSecretRequest(Tenant, SecretKinds.Encrypted, "api-key", Value: Canary).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, new UpdateSecretRequest(Canary).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, new ResolvedSecret(Guid.NewGuid(), 1, SecretKinds.Encrypted, Canary).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_update_needs_a_value_within_the_size_limit()
    {
        Assert.Empty(_validator.Validate(new UpdateSecretRequest(Canary)));
        Assert.Contains("value", _validator.Validate(new UpdateSecretRequest("")).Keys);
        Assert.Contains("value", _validator.Validate(new UpdateSecretRequest(new string('x', 65))).Keys);
        Assert.Contains("value", _validator.Validate((UpdateSecretRequest?)null).Keys);
    }
}
