using Microsoft.AspNetCore.Http.HttpResults;
using Platform.IntegrationRegistry.Client;
using Platform.IntegrationRegistry.Data;
using Platform.IntegrationRegistry.Security;

namespace Platform.IntegrationRegistry.Apis;

/// <summary>
/// <c>/internal/...</c>: questions other platform services ask, authenticated by their service credential and
/// allowed per caller; never routed by the gateway. Answers carry secret handles, never material. Every lookup
/// is confined to the tenant in the path (and to the subject for credentials).
/// </summary>
public static class InternalApi
{
    public static IEndpointRouteBuilder MapInternalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/internal").ExcludeFromDescription();
        api.MapPost("/auth/agent-token", AuthenticateAgentToken).RequireServiceCaller(InternalCallers.Authentication);
        api.MapPost("/auth/admin-key", AuthenticateAdminKey).RequireServiceCaller(InternalCallers.Authentication);
        api.MapGet("/tenants/by-slug/{slug}", GetTenantBySlug).RequireServiceCaller(InternalCallers.TenantsAndSpaces);
        api.MapGet("/tenants/{tenantId:guid}", GetTenant).RequireServiceCaller(InternalCallers.TenantSlugs);
        api.MapGet("/tenants/{tenantId:guid}/identities/lookup", FindIdentity).RequireServiceCaller(InternalCallers.Identities);
        api.MapGet("/tenants/{tenantId:guid}/spaces/{spaceId:guid}", GetSpace).RequireServiceCaller(InternalCallers.TenantsAndSpaces);
        api.MapGet("/tenants/{tenantId:guid}/subjects/{subjectId:guid}/installs", GetInstallsForSubject).RequireServiceCaller(InternalCallers.Catalog);
        api.MapGet("/tenants/{tenantId:guid}/installs/{installId:guid}/oauth", GetInstallOAuthSettings).RequireServiceCaller(InternalCallers.OAuthSettings);
        api.MapPut("/tenants/{tenantId:guid}/installs/{installId:guid}/oauth-credentials/{identityId:guid}", PutOAuthCredential)
            .RequireServiceCaller(InternalCallers.OAuthSettings);
        api.MapPost("/credentials/resolve", ResolveCredential).RequireServiceCaller(InternalCallers.Catalog);
        api.MapPost("/tenants/{tenantId:guid}/credentials/{credentialId:guid}/needs-reauth", MarkNeedsReauth).RequireServiceCaller(InternalCallers.Catalog);
        api.MapPost("/tenants/{tenantId:guid}/credentials/{credentialId:guid}/token-refreshed", RecordTokenRefreshed).RequireServiceCaller(InternalCallers.OAuthSettings);
        api.MapPost("/tenants/{tenantId:guid}/secret-holds/release", ReleaseSecretHolds).RequireServiceCaller(InternalCallers.OAuthSettings);
        api.MapGet("/tenants/{tenantId:guid}/agent-endpoints", GetAgentEndpoints).RequireServiceCaller(InternalCallers.AgentEndpoints);
        api.MapGet("/tenants/{tenantId:guid}/agents/{agentId:guid}/space-grants", GetSpaceGrants).RequireServiceCaller(InternalCallers.SpaceGrants);
        return app;
    }

    /// <summary>200 with the principal, or 404 for a token that is unknown, expired or revoked.</summary>
    public static async Task<Results<Ok<AgentPrincipal>, NotFound>> AuthenticateAgentToken(
        AgentTokenRequest request, DatabaseAuthenticator authenticator, CancellationToken ct) =>
        request.Token is { Length: > 0 } token && await authenticator.AuthenticateAgentAsync(token, ct) is { } principal
            ? TypedResults.Ok(principal)
            : TypedResults.NotFound();

    public static async Task<Results<Ok<AdminPrincipal>, NotFound>> AuthenticateAdminKey(
        AdminKeyRequest request, DatabaseAuthenticator authenticator, CancellationToken ct) =>
        request.Key is { Length: > 0 } key && await authenticator.AuthenticateAdminKeyAsync(key, ct) is { } principal
            ? TypedResults.Ok(principal)
            : TypedResults.NotFound();

    public static async Task<Results<Ok<TenantInfo>, NotFound>> GetTenantBySlug(string slug, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.Tenants.GetBySlugAsync(slug, ct) is { } tenant
            ? TypedResults.Ok(new TenantInfo(tenant.Id, tenant.Slug, tenant.Name))
            : TypedResults.NotFound();

    /// <summary>The vault binds env and cloud secret references to the tenant's slug and asks for it here.</summary>
    public static async Task<Results<Ok<TenantInfo>, NotFound>> GetTenant(Guid tenantId, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.Tenants.GetAsync(tenantId, ct) is { } tenant
            ? TypedResults.Ok(new TenantInfo(tenant.Id, tenant.Slug, tenant.Name))
            : TypedResults.NotFound();

    /// <summary>The identity a webhook route names as requester or credential subject, by id, name or e-mail; 404 outside the tenant.</summary>
    public static async Task<Results<Ok<IdentityInfo>, NotFound>> FindIdentity(
        Guid tenantId, string? reference, [AsParameters] RegistryServices services, CancellationToken ct) =>
        reference is { Length: > 0 and <= IdentityInfo.MaxReferenceLength } && !reference.Contains('\0', StringComparison.Ordinal)
            && await services.Identities.FindByReferenceAsync(tenantId, reference, ct) is { } identity
            ? TypedResults.Ok(new IdentityInfo(identity.Id, identity.Name, identity.Email))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<SpaceInfo>, NotFound>> GetSpace(Guid tenantId, Guid spaceId, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.Spaces.GetAsync(tenantId, spaceId, ct) is { } space
            ? TypedResults.Ok(new SpaceInfo(space.Id, tenantId, space.Slug, space.Name))
            : TypedResults.NotFound();

    /// <summary>404 if the subject is not an identity of the tenant.</summary>
    public static async Task<Results<Ok<List<InstallInfo>>, NotFound>> GetInstallsForSubject(
        Guid tenantId, Guid subjectId, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.Installs.ListForSubjectAsync(tenantId, subjectId, ct) is { } installs ? TypedResults.Ok(installs) : TypedResults.NotFound();

    /// <summary>404 unless the install exists in the tenant and its auth method is an OAuth kind.</summary>
    public static async Task<Results<Ok<InstallOAuthSettings>, NotFound>> GetInstallOAuthSettings(
        Guid tenantId, Guid installId, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.Installs.GetOAuthSettingsAsync(tenantId, installId, ct) is { } settings ? TypedResults.Ok(settings) : TypedResults.NotFound();

    /// <summary>404 unless the install is an <c>oauth</c> install of the tenant and the identity is the tenant's.</summary>
    public static async Task<Results<Ok<OAuthCredentialInfo>, NotFound>> PutOAuthCredential(
        Guid tenantId, Guid installId, Guid identityId, OAuthCredentialRequest request, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.Credentials.PutOAuthAsync(tenantId, installId, identityId, request, ct) is { } credential ? TypedResults.Ok(credential) : TypedResults.NotFound();

    public static async Task<Results<Ok<CredentialResolution>, NotFound>> ResolveCredential(
        CredentialResolveRequest request, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.Credentials.ResolveAsync(request.TenantId, request.InstallId, request.SubjectId, ct) is { } resolution
            ? TypedResults.Ok(resolution)
            : TypedResults.NotFound();

    public static async Task<Results<NoContent, NotFound>> MarkNeedsReauth(Guid tenantId, Guid credentialId, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.Credentials.MarkNeedsReauthAsync(tenantId, credentialId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>404 unless the credential is an active one of the tenant: a renewal never revives a revoked credential.</summary>
    public static async Task<Results<NoContent, NotFound>> RecordTokenRefreshed(
        Guid tenantId, Guid credentialId, OAuthTokenRefreshed refreshed, [AsParameters] RegistryServices services, CancellationToken ct) =>
        await services.Credentials.RecordTokenRefreshedAsync(tenantId, credentialId, refreshed, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>204 whether or not anything was still held: the broker may repeat it after a failure.</summary>
    public static async Task<Results<NoContent, ValidationProblem>> ReleaseSecretHolds(
        Guid tenantId, SecretHoldRelease request, [AsParameters] RegistryServices services, CancellationToken ct)
    {
        if (request.SecretIds is not { Count: > 0 and <= SecretHoldRelease.MaxSecrets } secretIds)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["secretIds"] = [$"Between 1 and {SecretHoldRelease.MaxSecrets} secret ids are required."],
            });
        }
        await services.Credentials.ReleaseUpstreamHoldsAsync(tenantId, secretIds, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<AgentEndpointInfo>>> GetAgentEndpoints(Guid tenantId, [AsParameters] RegistryServices services, CancellationToken ct) =>
        TypedResults.Ok(await services.Agents.ListEndpointsAsync(tenantId, ct));

    /// <summary>The Spaces the agent may read through the edge; empty for an agent that is not the tenant's.</summary>
    public static async Task<Ok<List<SpaceGrantInfo>>> GetSpaceGrants(Guid tenantId, Guid agentId, SpaceGrantStore grants, CancellationToken ct) =>
        TypedResults.Ok(await grants.ListForAgentAsync(tenantId, agentId, ct));
}
