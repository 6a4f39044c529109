namespace Platform.WebhookIngress.Apis;

/// <summary>The authorization policy of the admin API: a tenant admin key (scheme <c>AdminKey</c>).</summary>
public static class AdminApi
{
    public const string Policy = "tenant-admin";
}
