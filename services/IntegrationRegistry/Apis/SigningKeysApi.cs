using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.IntegrationRegistry.Client;
using Platform.IntegrationRegistry.Data;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.ServiceAuthentication;

namespace Platform.IntegrationRegistry.Apis;

/// <summary>
/// The platform's JWKS: public keys of the tokens platform services sign (the edge's caller tokens, which tell an
/// agent called as a tool who is calling). Published at <c>/api/registry/jwks.json</c> for anyone to verify with;
/// services list their keys through <c>/internal/signing-keys/{kid}</c>.
/// </summary>
public static class SigningKeysApi
{
    public const string JwksPath = "/api/registry/jwks.json";

    private static readonly TimeSpan LongestListing = TimeSpan.FromDays(2);

    public static IEndpointRouteBuilder MapSigningKeysApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(JwksPath, GetJwks).AllowAnonymous().WithTags("Keys");
        app.MapPut("/internal/signing-keys/{kid}", PublishKey).ExcludeFromDescription().RequireServiceCaller(ServiceNames.McpEdge);
        return app;
    }

    public static async Task<Ok<Jwks>> GetJwks(SigningKeyStore keys, HttpContext context, CancellationToken ct)
    {
        // Verifiers may cache briefly; a new key is published before its first token is signed.
        context.Response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Ok(new Jwks(await keys.ListLiveAsync(ct)));
    }

    /// <summary>400 unless the body is a public EC or RSA JWK carrying this kid and no private part.</summary>
    public static async Task<Results<NoContent, ValidationProblem>> PublishKey(
        string kid, SigningKeyRequest request, ClaimsPrincipal user, SigningKeyStore keys, TimeProvider timeProvider, CancellationToken ct)
    {
        var jwk = request.PublicJwk;
        string? error = jwk.ValueKind != JsonValueKind.Object ? "publicJwk must be a JSON Web Key."
            : !jwk.TryGetProperty("kid", out var jwkKid) || jwkKid.ValueKind != JsonValueKind.String || jwkKid.GetString() != kid ? "publicJwk must carry the kid of the path."
            : !jwk.TryGetProperty("kty", out var kty) || kty.ValueKind != JsonValueKind.String || kty.GetString() is not ("EC" or "RSA") ? "publicJwk must be an EC or RSA key."
            : jwk.TryGetProperty("d", out _) || jwk.TryGetProperty("p", out _) ? "publicJwk must not hold a private key."
            : !System.Text.RegularExpressions.Regex.IsMatch(kid, "^[A-Za-z0-9_-]{8,64}$") ? "kid must be 8 to 64 characters of A-Z, a-z, 0-9, '_' and '-'."
            : request.ExpiresAt <= timeProvider.GetUtcNow() || request.ExpiresAt > timeProvider.GetUtcNow() + LongestListing ? "expiresAt must be in the next two days."
            : null;
        if (error is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["publicJwk"] = [error] });
        }
        var service = user.FindFirst(ServiceCredentialDefaults.ServiceClaim)?.Value ?? "unknown";
        await keys.UpsertAsync(kid, service, jwk, request.ExpiresAt, ct);
        return TypedResults.NoContent();
    }

    /// <summary>RFC 7517 key set.</summary>
    public sealed record Jwks(IReadOnlyList<JsonElement> Keys);
}
