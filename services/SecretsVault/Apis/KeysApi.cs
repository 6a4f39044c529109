using Microsoft.AspNetCore.Http.HttpResults;
using Platform.SecretsVault.Authentication;
using Platform.SecretsVault.Rotation;

namespace Platform.SecretsVault.Apis;

/// <summary>
/// Key management for the platform operator (<c>Authorization: Bearer &lt;operator key&gt;</c>), reachable only on
/// the vault's internal address: the status of the master keys, and the rewrap that follows a rotation.
/// </summary>
public static class KeysApi
{
    public static RouteGroupBuilder MapKeysApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/internal/keys").WithTags("Keys").RequireAuthorization(OperatorKeyDefaults.Policy);
        api.MapGet("", GetStatus);
        api.MapPost("/rewrap", Rewrap);
        return api;
    }

    public static async Task<Ok<MasterKeyStatus>> GetStatus(DataKeyRewrapper rewrapper, CancellationToken cancellationToken) =>
        TypedResults.Ok(await rewrapper.GetStatusAsync(cancellationToken));

    public static async Task<Ok<RewrapReport>> Rewrap(DataKeyRewrapper rewrapper, CancellationToken cancellationToken) =>
        TypedResults.Ok(await rewrapper.RewrapAsync(cancellationToken));
}
