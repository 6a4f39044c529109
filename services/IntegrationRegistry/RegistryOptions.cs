namespace Platform.IntegrationRegistry;

/// <summary>Settings of section <c>Registry</c>.</summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Registry";

    /// <summary>The platform operator's key (creates tenants); without it the operator API refuses every call.</summary>
    public string? OperatorKey { get; set; }

    /// <summary>
    /// How long a revoked OAuth credential's tokens wait in the vault for the broker to revoke them at the
    /// authorization server (it needs their values); destroyed after this even if the broker never finished.
    /// Between 1 minute and 30 days; 1 day unless set.
    /// </summary>
    public TimeSpan UpstreamRevocationHold { get; set; } = TimeSpan.FromDays(1);
}
