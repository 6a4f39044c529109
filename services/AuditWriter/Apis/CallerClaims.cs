using System.Security.Claims;
using Platform.IntegrationRegistry.Client.Authentication;

namespace Platform.AuditWriter.Apis;

/// <summary>Reads the registry's claims, in the spelling the records are stored with.</summary>
public static class CallerClaims
{
    /// <summary>The caller's tenant; the policies guarantee the claim is there.</summary>
    public static string TenantId(this ClaimsPrincipal user) => Required(user, RegistryClaimTypes.TenantId);

    public static string AgentId(this ClaimsPrincipal user) => Required(user, RegistryClaimTypes.AgentId);

    public static string? SubjectId(this ClaimsPrincipal user) =>
        user?.FindFirst(RegistryClaimTypes.SubjectId)?.Value is { Length: > 0 } value ? Normalize(value) : null;

    /// <summary>
    /// The agent's slug and its subject's name as the registry answered for the caller's token: the same lookup that
    /// authenticated it (cached, and dropped when either is renamed), so recording them costs no registry call.
    /// </summary>
    public static string? AgentSlug(this ClaimsPrincipal user) => user?.FindFirst(RegistryClaimTypes.AgentSlug)?.Value is { Length: > 0 } value ? value : null;

    public static string? SubjectName(this ClaimsPrincipal user) => user?.FindFirst(RegistryClaimTypes.SubjectName)?.Value is { Length: > 0 } value ? value : null;

    private static string Required(ClaimsPrincipal user, string type)
    {
        ArgumentNullException.ThrowIfNull(user);
        var value = user.FindFirst(type)?.Value;
        return string.IsNullOrEmpty(value)
            ? throw new InvalidOperationException($"The authenticated caller has no '{type}' claim.")
            : Normalize(value);
    }

    private static string Normalize(string value) => Guid.TryParse(value, out var guid) ? guid.ToString("D") : value;
}
