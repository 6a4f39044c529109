using Platform.SecretsVault.Client;
using Platform.SecretsVault.Options;
using Platform.SecretsVault.Tests.Binding;
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
        var policy = TenantPolicies.Create(new() { ["acme"] = new TenantSecretGrant { KeyVaults = [new KeyVaultGrant { Host = "contoso.vault.azure.net" }] } });
        _validator = new SecretRequestValidator(MsOptions.Create(new VaultOptions { MaxSecretBytes = 64 }), policy);
    }

    public static TheoryData<CreateSecretRequest> Valid => new()
    {
        new CreateSecretRequest(Tenant, SecretKinds.Encrypted, SecretPurposes.UpstreamCredential, Value: Canary),
        new CreateSecretRequest(Tenant, SecretKinds.Env, SecretPurposes.UpstreamCredential, VariableName: "PLATFORM_SECRET_ACME__SLACK"),
        new CreateSecretRequest(Tenant, SecretKinds.Cloud, SecretPurposes.OAuthClientSecret, SecretIdentifier: "https://contoso.vault.azure.net/secrets/client"),
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Each_form_with_exactly_its_field_is_accepted(CreateSecretRequest request)
    {
        Assert.Empty(_validator.Validate(request));
        Assert.Empty(_validator.ValidateBinding(request!, "acme"));
    }

    public static TheoryData<string, string?, CreateSecretRequest> NotTheTenants => new()
    {
        { "variableName", "globex", new CreateSecretRequest(Tenant, SecretKinds.Env, SecretPurposes.UpstreamCredential, VariableName: "PLATFORM_SECRET_ACME__SLACK") },
        { "variableName", "acme", new CreateSecretRequest(Tenant, SecretKinds.Env, SecretPurposes.UpstreamCredential, VariableName: "PLATFORM_SECRET_SLACK") },
        { "variableName", "acme", new CreateSecretRequest(Tenant, SecretKinds.Env, SecretPurposes.UpstreamCredential, VariableName: "ConnectionStrings__vaultdb") },
        { "secretIdentifier", "globex", new CreateSecretRequest(Tenant, SecretKinds.Cloud, SecretPurposes.UpstreamCredential, SecretIdentifier: "https://contoso.vault.azure.net/secrets/x") },
        { "secretIdentifier", "acme", new CreateSecretRequest(Tenant, SecretKinds.Cloud, SecretPurposes.UpstreamCredential, SecretIdentifier: "https://evil.vault.azure.net/secrets/x") },
        { "tenantId", null, new CreateSecretRequest(Tenant, SecretKinds.Env, SecretPurposes.UpstreamCredential, VariableName: "PLATFORM_SECRET_ACME__SLACK") },
    };

    [Theory]
    [MemberData(nameof(NotTheTenants))]
    public void A_reference_that_is_not_the_tenants_is_refused_naming_the_field(string field, string? slug, CreateSecretRequest request)
    {
        Assert.Empty(_validator.Validate(request));

        var errors = _validator.ValidateBinding(request, slug);

        Assert.Equal([field], errors.Keys);
        var text = string.Join(" ", errors.SelectMany(e => e.Value));
        Assert.DoesNotContain("vaultdb", text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", text, StringComparison.Ordinal);
    }

    public static TheoryData<string, CreateSecretRequest> Invalid => new()
    {
        { "kind", new CreateSecretRequest(Tenant, "plaintext", SecretPurposes.UpstreamCredential, Value: Canary) },
        { "tenantId", new CreateSecretRequest(Guid.Empty, SecretKinds.Encrypted, SecretPurposes.UpstreamCredential, Value: Canary) },
        { "purpose", new CreateSecretRequest(Tenant, SecretKinds.Encrypted, Canary + " is in the wrong field!", Value: Canary) },
        { "value", new CreateSecretRequest(Tenant, SecretKinds.Encrypted, SecretPurposes.UpstreamCredential) },
        { "value", new CreateSecretRequest(Tenant, SecretKinds.Encrypted, SecretPurposes.UpstreamCredential, Value: new string('x', 65)) },
        { "variableName", new CreateSecretRequest(Tenant, SecretKinds.Encrypted, SecretPurposes.UpstreamCredential, Value: Canary, VariableName: "PLATFORM_SECRET_X") },
        { "variableName", new CreateSecretRequest(Tenant, SecretKinds.Env, SecretPurposes.UpstreamCredential, VariableName: Canary + " (not a name)") },
        { "purpose", new CreateSecretRequest(Tenant, SecretKinds.Encrypted, "api-key", Value: Canary) },
        { "value", new CreateSecretRequest(Tenant, SecretKinds.Env, SecretPurposes.UpstreamCredential, Value: Canary, VariableName: "PLATFORM_SECRET_X") },
        { "secretIdentifier", new CreateSecretRequest(Tenant, SecretKinds.Cloud, SecretPurposes.UpstreamCredential, SecretIdentifier: Canary) },
        { "value", new CreateSecretRequest(Tenant, SecretKinds.Cloud, SecretPurposes.UpstreamCredential, Value: Canary, SecretIdentifier: "https://contoso.vault.azure.net/secrets/x") },
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
        Assert.DoesNotContain(Canary, new CreateSecretRequest(Tenant, SecretKinds.Encrypted, SecretPurposes.UpstreamCredential, Value: Canary).ToString(), StringComparison.Ordinal);
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
