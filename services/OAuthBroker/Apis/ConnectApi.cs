using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.IntegrationRegistry.Client;
using Platform.OAuthBroker.Connect;
using Platform.OAuthBroker.Engine;
using Platform.OAuthBroker.Pages;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.ServiceAuthentication;

namespace Platform.OAuthBroker.Apis;

/// <summary>
/// Connect links. <c>POST /internal/oauth/connect-links</c> (the edge for an agent's person, the registry for a
/// tenant admin; never routed by the gateway) makes one. The person opens it through the gateway:
/// <c>GET /connect/{token}</c> says what it connects and for whom, with one button; <c>POST /connect/{token}</c> uses
/// the link (once) and sends the browser on to the provider's consent page. A GET never uses the link, so a chat
/// app's link preview cannot spend it.
/// </summary>
public static class ConnectApi
{
    public const string CreatePath = "/internal/oauth/connect-links";

    private const int MaxScopeLength = 1000;
    private const int MaxRequestedByLength = 200;

    public static IEndpointRouteBuilder MapConnectApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(CreatePath, CreateLink).RequireServiceCaller(ServiceNames.McpEdge, ServiceNames.IntegrationRegistry).ExcludeFromDescription();
        app.MapGet("/connect/{token}", ShowLink).ExcludeFromDescription();
        app.MapPost("/connect/{token}", UseLink).ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Created<ConnectLinkCreated>, ValidationProblem, ProblemHttpResult>> CreateLink(
        ConnectLinkRequest? request, HttpContext context, ConnectLinkStore links, Tokens.OAuthTokenStore tokens, PlatformClients platform,
        IOptions<OAuthBrokerOptions> options, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, value) in new (string, Guid?)[] { ("tenantId", request?.TenantId), ("installId", request?.InstallId), ("identityId", request?.IdentityId) })
        {
            if (value is null || value == Guid.Empty)
            {
                errors[field] = [$"The {field} field is required."];
            }
        }
        if (request?.Scope is { } scope && (scope.Length > MaxScopeLength || scope.Any(char.IsControl)))
        {
            errors["scope"] = [$"At most {MaxScopeLength} characters, space-separated scope names."];
        }
        if (request?.RequestedBy is { Length: > MaxRequestedByLength })
        {
            errors["requestedBy"] = [$"At most {MaxRequestedByLength} characters."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var binding = new AuthorizationBinding(request!.TenantId!.Value, request.InstallId!.Value, request.IdentityId!.Value);
        var settings = await platform.Registry.GetInstallOAuthSettingsAsync(binding.TenantId, binding.InstallId, ct);
        if (settings is not { AuthMethodKind: InstallClient.OAuthKind })
        {
            return TypedResults.Problem(title: "The install has no OAuth auth method.",
                detail: "No install with this id in the tenant authenticates with kind 'oauth' (client-credentials installs need no person).",
                statusCode: StatusCodes.Status404NotFound);
        }
        if (await platform.Registry.FindIdentityAsync(binding.TenantId, binding.IdentityId.ToString(), ct) is null)
        {
            return TypedResults.Problem(title: "No such identity.", detail: "No identity with this id in the tenant.", statusCode: StatusCodes.Status404NotFound);
        }
        var caller = context.User.FindFirstValue(ServiceCredentialDefaults.ServiceClaim) ?? "unknown";
        var createdBy = request.RequestedBy is { Length: > 0 } by ? $"{caller}: {by}" : caller;
        // A step-up asks for what the person granted already and what the upstream asked for, so nothing is lost.
        var scopeAsked = string.IsNullOrWhiteSpace(request.Scope) ? null
            : string.Join(' ', $"{await tokens.GrantedScopeAsync(binding, ct)} {request.Scope}".Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal));
        var created = await links.CreateAsync(binding, scopeAsked, createdBy, PublicBase.Of(context, options.Value), ct);
        return TypedResults.Created((string?)null, new ConnectLinkCreated(created.Url, created.ExpiresAt, settings.DisplayName ?? "the integration"));
    }

    public static async Task<IResult> ShowLink(string token, ConnectLinkStore links, PlatformClients platform, CancellationToken ct)
    {
        var link = await links.FindAsync(token, ct);
        var state = links.StateOf(link);
        if (state != ConnectLinkState.Usable)
        {
            return ConnectPages.Link(state).ToResult();
        }
        var (integration, person) = await NamesAsync(platform, link!.Binding, ct);
        return integration is null ? ConnectPages.NotOAuth().ToResult() : ConnectPages.Start(integration, person, $"./{token}").ToResult();
    }

    public static async Task<IResult> UseLink(string token, HttpContext context, ConnectLinkStore links, BrokerAuthorizations authorizations, IOptions<OAuthBrokerOptions> options, CancellationToken ct)
    {
        var (state, link) = await links.UseAsync(token, ct);
        if (state != ConnectLinkState.Usable)
        {
            return ConnectPages.Link(state).ToResult();
        }
        var started = await authorizations.StartAsync(link!.Binding, PublicBase.Of(context, options.Value), link.Scope, ct);
        if (started is null)
        {
            return ConnectPages.NotOAuth().ToResult();
        }
        // The callback must come back to this browser: a cookie only it holds, checked against the link's record.
        var browser = ConnectLinkStore.NewBrowserValue();
        await links.BindBrowserAsync(token, StateOf(started.AuthorizationUrl), browser, ct);
        context.Response.Cookies.Append(BrowserCookie.Name, browser, BrowserCookie.Options(context.Request, options.Value.ConnectLinkLifetime));
        // 303: the browser follows with a GET to the provider's authorization endpoint.
        context.Response.Headers.CacheControl = "no-store";
        return new SeeOther(started.AuthorizationUrl);
    }

    private static string StateOf(Uri authorizationUrl) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorizationUrl.Query).TryGetValue("state", out var state) && state.Count == 1
            ? state.ToString()
            : throw new InvalidOperationException("The authorization URL carries no state.");

    /// <summary>The integration's and the person's names for a page (integration null when the install is no longer OAuth).</summary>
    internal static async Task<(string? Integration, string Person)> NamesAsync(PlatformClients platform, AuthorizationBinding binding, CancellationToken ct)
    {
        var settings = await platform.Registry.GetInstallOAuthSettingsAsync(binding.TenantId, binding.InstallId, ct);
        var identity = await platform.Registry.FindIdentityAsync(binding.TenantId, binding.IdentityId.ToString(), ct);
        var integration = settings is { AuthMethodKind: InstallClient.OAuthKind } ? settings.DisplayName ?? "the integration" : null;
        var person = identity is null ? "your account" : identity.Email is { Length: > 0 } email ? $"{identity.Name} ({email})" : identity.Name;
        return (integration, person);
    }

    private sealed class SeeOther(Uri location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location.AbsoluteUri;
            return Task.CompletedTask;
        }
    }
}
