using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Platform.SecretsVault.Storage;
using Platform.ServiceDefaults.ServiceAuthentication;

namespace Platform.SecretsVault.Authentication;

/// <summary>
/// Writes an access record when the authorization layer refuses a call to an <see cref="AccessLogged"/> endpoint
/// (the handler never runs then): "denied" for a platform service that may not call it, "unauthenticated" for a
/// call without a valid service credential. Then answers 401/403 as usual.
/// </summary>
public sealed class AccessDenialRecorder(AccessLog accessLog) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!authorizeResult.Succeeded
            && context.GetEndpoint()?.Metadata.GetMetadata<AccessLogged>() is { } logged
            && TryGetGuid(context, "tenantId", out var tenantId)
            && TryGetGuid(context, "secretId", out var secretId))
        {
            var caller = authorizeResult.Forbidden ? context.User.FindFirst(ServiceCredentialDefaults.ServiceClaim)?.Value : null;
            var record = caller is null
                ? new AccessRecord(AccessOutcomes.Unauthenticated, logged.Operation, tenantId, secretId, null, AccessOutcomes.Unauthenticated)
                : new AccessRecord(caller, logged.Operation, tenantId, secretId, null, AccessOutcomes.Denied);
            await accessLog.RecordAsync(record, context.RequestAborted);
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private static bool TryGetGuid(HttpContext context, string name, out Guid value)
    {
        value = Guid.Empty;
        return context.Request.RouteValues.TryGetValue(name, out var raw) && Guid.TryParse(raw?.ToString(), out value);
    }
}
