namespace Platform.IntegrationRegistry.Client.Authentication;

/// <summary>Claims the registry's authentication handlers put on the principal.</summary>
public static class RegistryClaimTypes
{
    public const string TenantId = "tenant_id";
    public const string TenantSlug = "tenant_slug";
    public const string AdminKeyId = "admin_key_id";
    public const string AgentId = "agent_id";
    public const string AgentName = "agent_name";
    public const string AgentSlug = "agent_slug";
    public const string SubjectId = "subject_id";
    public const string SubjectName = "subject_name";
}
