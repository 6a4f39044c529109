using Platform.SecretsVault.Binding;
using Platform.SecretsVault.Resolution;
using Platform.SecretsVault.Storage;
using Platform.SecretsVault.Writing;

namespace Platform.SecretsVault.Apis;

/// <summary>What the secrets endpoints need.</summary>
public sealed class SecretsServices(SecretStore store, SecretResolver resolver, SecretWriter writer, SecretRequestValidator validator, TenantDirectory tenants)
{
    public SecretStore Store { get; } = store;

    public SecretResolver Resolver { get; } = resolver;

    public SecretWriter Writer { get; } = writer;

    public SecretRequestValidator Validator { get; } = validator;

    public TenantDirectory Tenants { get; } = tenants;
}
