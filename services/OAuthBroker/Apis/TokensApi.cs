using Microsoft.AspNetCore.Http.HttpResults;
using Platform.OAuthBroker.Tokens;
using Platform.ServiceDefaults;

namespace Platform.OAuthBroker.Apis;

/// <summary>
/// <c>POST /internal/oauth/credentials/{credentialId}/token</c> (mcp-edge only, never routed by the gateway): the
/// credential's access token made fresh, renewed under the credential's lock when its time has come or when the edge
/// was refused with the stored token. The answer names the vault secret and the expiry, never the token. A grant the
/// authorization server refuses is <c>409</c> with <c>status: needs-reauth</c>; a server that cannot be reached <c>502</c>.
/// </summary>
public static class TokensApi
{
    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/internal/oauth/credentials/{credentialId:guid}/token", GetFreshToken).RequireServiceCaller(ServiceNames.McpEdge).ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Ok<FreshToken>, ValidationProblem, ProblemHttpResult>> GetFreshToken(
        Guid credentialId, FreshTokenRequest? request, TokenRefresher refresher, CancellationToken ct)
    {
        byte[]? rejected = null;
        if (request?.RejectedTokenSha256 is { } hex && (hex.Length != 64 || !TryHex(hex, out rejected)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["rejectedTokenSha256"] = ["Must be 64 hexadecimal digits."] });
        }
        if (request?.TenantId is not { } tenantId || tenantId == Guid.Empty)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tenantId"] = ["The tenantId field is required."] });
        }
        var token = await refresher.EnsureFreshAsync(tenantId, credentialId, rejected, skipBusy: false, ct);
        if (token is null)
        {
            return TypedResults.Problem(title: "No OAuth credential with this id in the tenant.", statusCode: StatusCodes.Status404NotFound);
        }
        return token.NeedsReauthorization
            ? TypedResults.Problem(
                title: "The credential needs a new consent.",
                detail: "The authorization server no longer accepts this credential's grant; the person must connect again.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["status"] = OAuthTokenRow.NeedsReauth })
            : TypedResults.Ok(token);
    }

    private static bool TryHex(string hex, out byte[]? bytes)
    {
        bytes = new byte[hex.Length / 2];
        if (Convert.FromHexString(hex, bytes, out _, out var written) == System.Buffers.OperationStatus.Done && written == bytes.Length)
        {
            return true;
        }
        bytes = null;
        return false;
    }
}
