using System.Data.Common;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.IntegrationRegistry.Client.Authentication;

/// <summary>
/// Shared half of the <c>AdminKey</c> and <c>AgentToken</c> handlers: reads <c>Authorization: Bearer {prefix}...</c>,
/// asks the registry (through the cache, keyed by a SHA-256 of the token) and turns the answer into claims. A bearer
/// with another prefix is left to other schemes. Tokens are never logged; neither are their hashes.
/// </summary>
public abstract partial class RegistryBearerHandler<TPrincipal>(
    IOptionsMonitor<RegistryBearerOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IRegistryAuthenticator authenticator,
    IPrincipalCache principalCache)
    : AuthenticationHandler<RegistryBearerOptions>(options, loggerFactory, encoder)
    where TPrincipal : class
{
    private const string BearerPrefix = "Bearer ";
    private static readonly object RegistryUnavailableKey = new();

    private readonly PrincipalCache _cache = principalCache as PrincipalCache
        ?? throw new InvalidOperationException("IPrincipalCache must be the registry client's own cache (AddAdminKey/AddAgentToken register it).");

    /// <summary>The token prefix this scheme accepts (<c>adm_</c> or <c>agt_</c>).</summary>
    protected abstract string TokenPrefix { get; }

    protected abstract Task<TPrincipal?> LookupAsync(IRegistryAuthenticator registry, string token, CancellationToken ct);

    protected abstract IEnumerable<Claim> CreateClaims(TPrincipal principal);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = header[BearerPrefix.Length..].Trim();
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }
        var key = CacheKey(token);
        if (!_cache.TryGet(key, out var answer))
        {
            var generation = _cache.Generation;
            try
            {
                answer = await LookupAsync(authenticator, token, Context.RequestAborted);
            }
            catch (Exception exception) when (IsUnavailable(exception) && !Context.RequestAborted.IsCancellationRequested)
            {
                Context.Items[RegistryUnavailableKey] = true;
                LogRegistryUnavailable(Logger, Scheme.Name, exception.GetType().Name);
                return AuthenticateResult.Fail("The registry could not be reached to check the token.");
            }
            _cache.Set(key, answer, answer is null ? Options.NegativeCacheDuration : Options.CacheDuration, generation);
        }
        if (answer is not TPrincipal principal)
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        }
        var identity = new ClaimsIdentity(CreateClaims(principal), Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(RegistryUnavailableKey))
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "5";
            return Task.CompletedTask;
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        var challenge = new StringBuilder("Bearer");
        var separator = " ";
        if (Request.Headers.Authorization.ToString().StartsWith(BearerPrefix + TokenPrefix, StringComparison.OrdinalIgnoreCase))
        {
            challenge.Append(separator).Append("error=\"invalid_token\"");
            separator = ", ";
        }
        if (Options.ResourceMetadataUrl is { Length: > 0 } metadata)
        {
            challenge.Append(separator).Append("resource_metadata=\"").Append(metadata).Append('"');
        }
        Response.Headers.WWWAuthenticate = challenge.ToString();
        return Task.CompletedTask;
    }

    private string CacheKey(string token) =>
        TokenPrefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static bool IsUnavailable(Exception exception) =>
        exception is HttpRequestException or TaskCanceledException or TimeoutException or DbException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Scheme}: the registry could not be reached to check a token ({Error})")]
    private static partial void LogRegistryUnavailable(ILogger logger, string scheme, string error);
}
