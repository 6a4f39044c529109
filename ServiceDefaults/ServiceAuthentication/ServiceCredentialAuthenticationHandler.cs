using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.ServiceAuthentication;

/// <summary>Authenticates <c>Authorization: Service &lt;key&gt;</c> against the configured callers' keys.</summary>
public sealed class ServiceCredentialAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<ServiceCredentialOptions> credentials)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    private readonly (string Caller, byte[] Hash)[] _callers =
        [.. credentials.Value.Callers.Where(c => c.Value.Length > 0).Select(c => (c.Key, Hash(c.Value)))];

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var prefix = ServiceCredentialDefaults.Scheme + " ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var presented = Hash(header[prefix.Length..].Trim());
        string? caller = null;
        foreach (var (name, hash) in _callers)
        {
            // Compare against every caller, always, so timing says nothing about which key came close.
            if (CryptographicOperations.FixedTimeEquals(presented, hash))
            {
                caller = name;
            }
        }
        if (caller is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown service credential."));
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, caller), new Claim(ServiceCredentialDefaults.ServiceClaim, caller)],
            ServiceCredentialDefaults.Scheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = ServiceCredentialDefaults.Scheme;
        return Task.CompletedTask;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
