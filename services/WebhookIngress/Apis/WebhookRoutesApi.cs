using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Platform.SecretsVault.Client;
using Platform.WebhookIngress.Routes;

namespace Platform.WebhookIngress.Apis;

/// <summary>The tenant admin's API for webhook routes, under <c>/api/webhooks/routes</c> (admin key; confined to its tenant).</summary>
public static partial class WebhookRoutesApi
{
    public static RouteGroupBuilder MapWebhookRoutesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/webhooks/routes")
            .RequireAuthorization(AdminApi.Policy)
            .WithTags("Webhook routes")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapPost("/", CreateRouteAsync).WithName("CreateWebhookRoute").WithSummary("Create a route; a generated secret is shown once.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/", ListRoutesAsync).WithName("ListWebhookRoutes");
        api.MapGet("/{id:guid}", GetRouteAsync).WithName("GetWebhookRoute");
        api.MapPatch("/{id:guid}", UpdateRouteAsync).WithName("UpdateWebhookRoute").WithSummary("Change the Space, attribution, limits or enable/disable.");
        api.MapPost("/{id:guid}/secret", RotateSecretAsync).WithName("RotateWebhookSecret").WithSummary("Replace the signing secret; the old one is revoked.");
        api.MapDelete("/{id:guid}", DeleteRouteAsync).WithName("DeleteWebhookRoute");
        return api;
    }

    public static async Task<Results<Created<RouteWithSecretResponse>, ValidationProblem, ProblemHttpResult>> CreateRouteAsync(
        CreateRouteRequest request, ClaimsPrincipal user, [AsParameters] WebhookRoutesServices services, CancellationToken ct)
    {
        var errors = RouteRequestValidation.ValidateCreate(request, services.Verifiers);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var tenantId = user.TenantId();
        if (await services.Registry.GetSpaceAsync(tenantId, request.SpaceId!.Value, ct) is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["spaceId"] = ["No such Space in this tenant."] });
        }
        (errors, var subjectId) = await RouteRequestValidation.ValidateIdentitiesAsync(services.Registry, tenantId, request.RequesterIdentity, request.CredentialSubject, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await services.Routes.FindBySlugAsync(tenantId, request.Slug!, ct) is not null)
        {
            return SlugTaken(request.Slug!);
        }
        var generated = request.Secret is null ? services.Verifiers.Get(request.Scheme!).GenerateSecret() : null;
        var handle = await services.Vault.CreateEncryptedAsync(tenantId, SecretPurposes.WebhookSigningSecret, request.Secret ?? generated!, ct);
        var now = services.TimeProvider.GetUtcNow();
        var route = new WebhookRoute(Guid.CreateVersion7(now), tenantId, request.Slug!, request.SpaceId.Value, request.Scheme!, handle.SecretId,
            request.RequesterIdentity, request.CredentialSubject, request.MaxPayloadBytes ?? RouteLimits.DefaultMaxPayloadBytes,
            request.TimestampToleranceSeconds ?? RouteLimits.DefaultTimestampToleranceSeconds, request.Enabled ?? true, now, now, subjectId);
        if (!await services.Routes.CreateAsync(route, ct))
        {
            await RevokeQuietlyAsync(services, tenantId, handle.SecretId);
            return SlugTaken(route.Slug);
        }
        LogRouteCreated(services.Logger, route.Id, route.Scheme, tenantId);
        var response = new RouteWithSecretResponse(WebhookRouteResponse.From(route, user.TenantSlug()), generated);
        return TypedResults.Created($"/api/webhooks/routes/{route.Id}", response);
    }

    public static async Task<Ok<IReadOnlyList<WebhookRouteResponse>>> ListRoutesAsync(
        ClaimsPrincipal user, [AsParameters] WebhookRoutesServices services, CancellationToken ct)
    {
        var routes = await services.Routes.ListAsync(user.TenantId(), ct);
        return TypedResults.Ok<IReadOnlyList<WebhookRouteResponse>>([.. routes.Select(route => WebhookRouteResponse.From(route, user.TenantSlug()))]);
    }

    public static async Task<Results<Ok<WebhookRouteResponse>, ProblemHttpResult>> GetRouteAsync(
        Guid id, ClaimsPrincipal user, [AsParameters] WebhookRoutesServices services, CancellationToken ct) =>
        await services.Routes.FindAsync(user.TenantId(), id, ct) is { } route
            ? TypedResults.Ok(WebhookRouteResponse.From(route, user.TenantSlug()))
            : RouteNotFound();

    public static async Task<Results<Ok<WebhookRouteResponse>, ValidationProblem, ProblemHttpResult>> UpdateRouteAsync(
        Guid id, UpdateRouteRequest request, ClaimsPrincipal user, [AsParameters] WebhookRoutesServices services, CancellationToken ct)
    {
        var errors = RouteRequestValidation.ValidateUpdate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var tenantId = user.TenantId();
        if (await services.Routes.FindAsync(tenantId, id, ct) is not { } route)
        {
            return RouteNotFound();
        }
        if (request.SpaceId is { } spaceId && spaceId != route.SpaceId && await services.Registry.GetSpaceAsync(tenantId, spaceId, ct) is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["spaceId"] = ["No such Space in this tenant."] });
        }
        (errors, var subjectId) = await RouteRequestValidation.ValidateIdentitiesAsync(services.Registry, tenantId, request.RequesterIdentity, request.CredentialSubject, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var settings = new RouteSettings(
            request.SpaceId ?? route.SpaceId,
            request.RequesterIdentity is null ? route.RequesterIdentity : RouteRequestValidation.EmptyAsNull(request.RequesterIdentity),
            request.CredentialSubject is null ? route.CredentialSubject : RouteRequestValidation.EmptyAsNull(request.CredentialSubject),
            request.MaxPayloadBytes ?? route.MaxPayloadBytes,
            request.TimestampToleranceSeconds ?? route.TimestampToleranceSeconds,
            request.Enabled ?? route.Enabled,
            request.CredentialSubject is null ? route.CredentialSubjectId : subjectId);
        var updated = await services.Routes.UpdateAsync(tenantId, id, settings, services.TimeProvider.GetUtcNow(), ct);
        return updated is null ? RouteNotFound() : TypedResults.Ok(WebhookRouteResponse.From(updated, user.TenantSlug()));
    }

    public static async Task<Results<Ok<RouteWithSecretResponse>, ValidationProblem, ProblemHttpResult>> RotateSecretAsync(
        Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RotateSecretRequest? request, ClaimsPrincipal user,
        [AsParameters] WebhookRoutesServices services, CancellationToken ct)
    {
        var tenantId = user.TenantId();
        if (await services.Routes.FindAsync(tenantId, id, ct) is not { } route)
        {
            return RouteNotFound();
        }
        var errors = RouteRequestValidation.ValidateSecret(route.Scheme, request?.Secret, services.Verifiers);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var generated = request?.Secret is null ? services.Verifiers.Get(route.Scheme).GenerateSecret() : null;
        var handle = await services.Vault.CreateEncryptedAsync(tenantId, SecretPurposes.WebhookSigningSecret, request?.Secret ?? generated!, ct);
        var previous = await services.Routes.ReplaceSecretAsync(tenantId, id, handle.SecretId, services.TimeProvider.GetUtcNow(), ct);
        if (previous is null)
        {
            await RevokeQuietlyAsync(services, tenantId, handle.SecretId);
            return RouteNotFound();
        }
        await RevokeQuietlyAsync(services, tenantId, previous.SecretId);
        LogSecretRotated(services.Logger, id, tenantId);
        var current = await services.Routes.FindAsync(tenantId, id, ct) ?? previous;
        return TypedResults.Ok(new RouteWithSecretResponse(WebhookRouteResponse.From(current, user.TenantSlug()), generated));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteRouteAsync(
        Guid id, ClaimsPrincipal user, [AsParameters] WebhookRoutesServices services, CancellationToken ct)
    {
        var tenantId = user.TenantId();
        if (await services.Routes.DeleteAsync(tenantId, id, ct) is not { } deleted)
        {
            return RouteNotFound();
        }
        await RevokeQuietlyAsync(services, tenantId, deleted.SecretId);
        LogRouteDeleted(services.Logger, id, tenantId);
        return TypedResults.NoContent();
    }

    /// <summary>Revokes a secret no route uses any more. A failure leaves an unused secret in the vault, never a usable route without one.</summary>
    private static async Task RevokeQuietlyAsync(WebhookRoutesServices services, Guid tenantId, Guid secretId)
    {
        services.Secrets.Forget(secretId);
        try
        {
            await services.Vault.RevokeAsync(tenantId, secretId, CancellationToken.None);
        }
        catch (Exception exception) when (exception is HttpRequestException or SecretUnavailableException or TaskCanceledException)
        {
            LogRevokeFailed(services.Logger, secretId, exception.GetType().Name);
        }
    }

    private static ProblemHttpResult SlugTaken(string slug) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Slug already used", detail: $"This tenant already has a webhook route '{slug}'.");

    private static ProblemHttpResult RouteNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Webhook route not found");

    [LoggerMessage(Level = LogLevel.Information, Message = "Created webhook route {RouteId} ({Scheme}) for tenant {TenantId}")]
    private static partial void LogRouteCreated(ILogger logger, Guid routeId, string scheme, Guid tenantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rotated the signing secret of webhook route {RouteId} of tenant {TenantId}")]
    private static partial void LogSecretRotated(ILogger logger, Guid routeId, Guid tenantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted webhook route {RouteId} of tenant {TenantId}")]
    private static partial void LogRouteDeleted(ILogger logger, Guid routeId, Guid tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Revoking the unused signing secret {SecretId} failed ({Error}); it stays in the vault unused")]
    private static partial void LogRevokeFailed(ILogger logger, Guid secretId, string error);
}
