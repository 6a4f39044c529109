namespace Platform.ServiceDefaults.ServiceAuthentication;

/// <summary>
/// Service credentials issued by the AppHost (section <c>ServiceAuth</c>): this service's own key, and the keys of
/// the services allowed to call it (one per project that references this one).
/// </summary>
public sealed class ServiceCredentialOptions
{
    public const string SectionName = "ServiceAuth";

    /// <summary>This service's own key, sent to the platform services it calls.</summary>
    public string? Key { get; set; }

    /// <summary>Caller service name → that caller's key.</summary>
    public Dictionary<string, string> Callers { get; set; } = new(StringComparer.Ordinal);
}
