namespace Platform.OAuthBroker.Engine;

/// <summary>The vault tenant of secrets that belong to the platform rather than to one tenant.</summary>
public static class PlatformSecrets
{
    /// <summary>
    /// Owner of dynamic registrations' client secrets, which every tenant's installs at one authorization server
    /// share. Registry tenant ids are version 7 GUIDs, so this version-less id never names a real tenant.
    /// </summary>
    public static readonly Guid TenantId = new("00000000-0000-0000-0000-0000000000b1");
}
