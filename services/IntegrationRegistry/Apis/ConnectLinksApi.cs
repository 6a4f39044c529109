using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.IntegrationRegistry.Broker;
using Platform.IntegrationRegistry.Security;
using Platform.IntegrationRegistry.Validation;

namespace Platform.IntegrationRegistry.Apis;

/// <summary>
/// <c>POST /api/registry/installs/{id}/connect-links</c>: a tenant admin gets a connect link for one of the tenant's
/// people on an install that signs in with OAuth, to hand to that person. The link works once, for a short time,
/// and only leads to the provider's consent page for that person and install; the registry does not keep it.
/// </summary>
public static class ConnectLinksApi
{
    public static RouteGroupBuilder MapConnectLinksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/registry/installs").WithTags("Installs").RequireAuthorization(RegistryPolicies.TenantAdmin);
        api.MapPost("/{id:guid}/connect-links", CreateConnectLink);
        return api;
    }

    public static async Task<Results<Created<ConnectLinkCreated>, ValidationProblem, ProblemHttpResult>> CreateConnectLink(
        Guid id, ConnectLinkRequest? request, ClaimsPrincipal user, OAuthBrokerClient broker, CancellationToken ct)
    {
        if (request?.IdentityId is not { } identityId || identityId == Guid.Empty)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["identityId"] = ["The identityId field is required: the person who will connect."] });
        }
        ConnectLinkCreated? link;
        try
        {
            link = await broker.CreateConnectLinkAsync(user.TenantId(), id, identityId, scope: null, "tenant admin", ct);
        }
        catch (HttpRequestException)
        {
            return Problems.DependencyFailed("The OAuth broker did not make the link; try again.");
        }
        return link is null
            ? TypedResults.Problem(
                title: "No such OAuth install or identity.",
                detail: "The install must be this tenant's and sign in with an 'oauth' auth method, and the identity must be this tenant's.",
                statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Created((string?)null, link);
    }
}

/// <summary>The body of a connect-link request: the identity (person) who will connect.</summary>
public sealed record ConnectLinkRequest(Guid? IdentityId);
