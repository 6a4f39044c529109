namespace Platform.SecretsVault.Binding;

/// <summary>The environment variable prefix that marks a variable as one tenant's own.</summary>
public static class TenantEnvPrefix
{
    /// <summary>
    /// <c>{prefix}{SLUG}__</c>: the slug upper-cased with every character outside [A-Z0-9] as '_'. The double
    /// underscore ends the prefix, so tenant <c>acme</c> (<c>..._ACME__</c>) cannot claim <c>acme-prod</c>'s
    /// variables (<c>..._ACME_PROD__</c>).
    /// </summary>
    public static string For(string basePrefix, string tenantSlug)
    {
        ArgumentNullException.ThrowIfNull(basePrefix);
        ArgumentException.ThrowIfNullOrEmpty(tenantSlug);
        var normalised = string.Create(tenantSlug.Length, tenantSlug, static (span, slug) =>
        {
            for (var i = 0; i < slug.Length; i++)
            {
                var c = char.ToUpperInvariant(slug[i]);
                span[i] = c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') ? c : '_';
            }
        });
        return basePrefix + normalised + "__";
    }
}
