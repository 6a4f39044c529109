using Microsoft.Extensions.Options;
using Platform.SecretsVault.Binding;
using Platform.SecretsVault.Options;

namespace Platform.SecretsVault.Tests.Binding;

/// <summary>A <see cref="TenantReferencePolicy"/> over fixed options, as the vault builds it from configuration.</summary>
public static class TenantPolicies
{
    public static TenantReferencePolicy Create(Dictionary<string, TenantSecretGrant>? grants = null, string prefix = EnvSecretOptions.DefaultPrefix)
    {
        var tenants = new TenantSecretOptions();
        foreach (var (slug, grant) in grants ?? [])
        {
            tenants.Tenants[slug] = grant;
        }
        return new TenantReferencePolicy(new FixedOptions<EnvSecretOptions>(new EnvSecretOptions { Prefix = prefix }), new FixedOptions<TenantSecretOptions>(tenants));
    }

    private sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
