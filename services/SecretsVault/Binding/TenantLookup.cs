namespace Platform.SecretsVault.Binding;

/// <summary>What the registry said about a tenant: its slug, or that it has none (unknown tenant), or nothing (unreachable).</summary>
public sealed record TenantLookup(string? Slug, bool Unavailable)
{
    public static readonly TenantLookup Unknown = new(null, false);

    public static readonly TenantLookup Unreachable = new(null, true);
}
