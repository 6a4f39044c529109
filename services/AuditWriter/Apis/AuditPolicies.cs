namespace Platform.AuditWriter.Apis;

/// <summary>Who may call what: tenant admins read; agents report their own model usage.</summary>
public static class AuditPolicies
{
    /// <summary>An admin key of the tenant (<c>Bearer adm_...</c>); every read is confined to that tenant.</summary>
    public const string TenantAdmin = "tenant-admin";

    /// <summary>An agent token (<c>Bearer agt_...</c>); the record is attributed to that agent and its tenant.</summary>
    public const string Agent = "agent";
}
