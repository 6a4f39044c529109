using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Platform.IntegrationRegistry.Security;

/// <summary>Scheme <c>Operator</c>: <c>Authorization: Bearer {Registry:OperatorKey}</c>, compared in constant time.</summary>
public sealed class OperatorAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<RegistryOptions> registryOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "Operator";
    public const string OperatorClaim = "platform_operator";

    private readonly byte[]? _expected = registryOptions.Value.OperatorKey is { Length: > 0 } key ? Hash(key) : null;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (_expected is null || !CryptographicOperations.FixedTimeEquals(Hash(header["Bearer ".Length..].Trim()), _expected))
        {
            return Task.FromResult(AuthenticateResult.Fail("The operator key is not valid."));
        }
        var identity = new ClaimsIdentity([new Claim(OperatorClaim, "true"), new Claim(ClaimTypes.Name, "platform-operator")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
