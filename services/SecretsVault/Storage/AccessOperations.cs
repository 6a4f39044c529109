namespace Platform.SecretsVault.Storage;

/// <summary>The operations the access log records (<c>access_log.operation</c>).</summary>
public static class AccessOperations
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Resolve = "resolve";
    public const string Revoke = "revoke";
}
