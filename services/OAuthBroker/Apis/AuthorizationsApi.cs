using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.OAuth;
using Platform.OAuthBroker.Connect;
using Platform.OAuthBroker.Engine;
using Platform.OAuthBroker.Pages;
using Platform.ServiceDefaults;

namespace Platform.OAuthBroker.Apis;

/// <summary>
/// The broker's OAuth flow for upstreams. <c>POST /internal/oauth/authorizations</c> (platform services only, never
/// routed by the gateway) starts one and answers the URL for the person's browser; <c>GET /oauth/callback</c> (under
/// the gateway, where the authorization server sends the browser back) completes it. Failures are problem details
/// naming the step (<see cref="Infrastructure.OAuthProblemHandler"/>); no answer carries a token.
/// </summary>
public static class AuthorizationsApi
{
    public const string StartPath = "/internal/oauth/authorizations";

    /// <summary>Why a callback arriving in another browser than the one that opened the link is refused.</summary>
    public const string OtherBrowser = "the sign-in was started in another browser than this one.";

    /// <summary>The connect flow's pages (issue 13) and the edge start authorizations for a person.</summary>
    public static readonly string[] Starters = [ServiceNames.McpEdge, ServiceNames.Gateway];

    public static IEndpointRouteBuilder MapAuthorizationsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(StartPath, StartAuthorization).RequireServiceCaller(Starters).ExcludeFromDescription();
        app.MapGet(ClientMetadataApi.CallbackPath, CompleteAuthorization).WithName("OAuthCallback");
        return app;
    }

    public static async Task<Results<Created<AuthorizationStarted>, ValidationProblem, ProblemHttpResult>> StartAuthorization(
        StartAuthorizationRequest? request, HttpContext context, BrokerAuthorizations authorizations, IOptions<OAuthBrokerOptions> options, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, value) in new (string, Guid?)[] { ("tenantId", request?.TenantId), ("installId", request?.InstallId), ("identityId", request?.IdentityId) })
        {
            if (value is null || value == Guid.Empty)
            {
                errors[field] = [$"The {field} field is required."];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var binding = new AuthorizationBinding(request!.TenantId!.Value, request.InstallId!.Value, request.IdentityId!.Value);
        var started = await authorizations.StartAsync(binding, PublicBase.Of(context, options.Value), scope: null, ct);
        return started is null
            ? TypedResults.Problem(
                title: "The install has no OAuth auth method.",
                detail: "No install with this id in the tenant authenticates with kind 'oauth' (client-credentials installs need no person).",
                statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Created((string?)null, started);
    }

    /// <summary>
    /// A browser (it accepts <c>text/html</c>) gets a page that names the service and the person connected; a
    /// program gets the completion as JSON (vault handles, never tokens). Failures: <see cref="Infrastructure.OAuthProblemHandler"/>.
    /// </summary>
    public static async Task<IResult> CompleteAuthorization(
        HttpContext context, BrokerAuthorizations authorizations, ConnectLinkStore links, PlatformClients platform, IOptions<OAuthBrokerOptions> options, CancellationToken ct)
    {
        var state = context.Request.Query["state"].ToString();
        if (string.IsNullOrEmpty(state) || context.Request.Query["state"].Count != 1)
        {
            throw new OAuthException(OAuthSteps.AuthorizationResponse, "the callback carries no state (or more than one).");
        }
        // Checked before the state is used, so the right browser can still finish.
        if (!await links.IsSameBrowserAsync(state, context.Request.Cookies[BrowserCookie.Name], ct))
        {
            throw new OAuthException(OAuthSteps.AuthorizationResponse, OtherBrowser);
        }
        var callback = new Uri(PublicBase.Of(context, options.Value), ClientMetadataApi.CallbackPath.TrimStart('/') + context.Request.QueryString);
        var completed = await authorizations.CompleteAsync(callback, state, ct);
        await links.ForgetStateAsync(state, ct);
        context.Response.Cookies.Delete(BrowserCookie.Name, BrowserCookie.Options(context.Request, TimeSpan.Zero));
        if (!BrowserPages.Wanted(context.Request))
        {
            return TypedResults.Ok(completed);
        }
        var binding = new AuthorizationBinding(completed.TenantId, completed.InstallId, completed.IdentityId);
        var (integration, person) = await ConnectApi.NamesAsync(platform, binding, ct);
        return ConnectPages.Connected(integration ?? "The integration", person, completed.Account, completed.Provider, completed.Scope).ToResult();
    }
}
