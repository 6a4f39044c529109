using Platform.IntegrationRegistry.Client;
using Platform.WebhookIngress.Routes;
using Platform.WebhookIngress.Verification;

namespace Platform.WebhookIngress.Apis;

/// <summary>Field checks of the admin API's requests, as problem-details <c>errors</c>. Messages never repeat a secret.</summary>
public static class RouteRequestValidation
{
    public static Dictionary<string, string[]> ValidateCreate(CreateRouteRequest request, WebhookVerifiers verifiers)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(verifiers);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Slug is null || !RouteLimits.Slug().IsMatch(request.Slug))
        {
            errors["slug"] = ["Use 1-64 lower-case letters, digits and inner hyphens."];
        }
        if (request.SpaceId is null || request.SpaceId == Guid.Empty)
        {
            errors["spaceId"] = ["The id of a Space of this tenant is required."];
        }
        if (request.Scheme is null || !verifiers.TryGet(request.Scheme, out var verifier))
        {
            errors["scheme"] = [$"Use one of: {string.Join(", ", WebhookSchemes.All)}."];
        }
        else if (request.Secret is null ? verifier.GenerateSecret() is null : !verifier.IsValidSecret(request.Secret))
        {
            errors["secret"] = [SecretHint(request.Scheme, request.Secret is null)];
        }
        ValidateSettings(errors, request.RequesterIdentity, request.CredentialSubject, request.MaxPayloadBytes, request.TimestampToleranceSeconds);
        return errors;
    }

    public static Dictionary<string, string[]> ValidateUpdate(UpdateRouteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.SpaceId == Guid.Empty)
        {
            errors["spaceId"] = ["The id of a Space of this tenant is required."];
        }
        ValidateSettings(errors, EmptyAsNull(request.RequesterIdentity), EmptyAsNull(request.CredentialSubject), request.MaxPayloadBytes, request.TimestampToleranceSeconds);
        return errors;
    }

    public static Dictionary<string, string[]> ValidateSecret(string scheme, string? secret, WebhookVerifiers verifiers)
    {
        ArgumentNullException.ThrowIfNull(verifiers);
        var verifier = verifiers.Get(scheme);
        var valid = secret is null ? verifier.GenerateSecret() is not null : verifier.IsValidSecret(secret);
        return valid ? [] : new() { ["secret"] = [SecretHint(scheme, secret is null)] };
    }

    /// <summary>
    /// A route's <c>requesterIdentity</c> and <c>credentialSubject</c> name identities of the route's own tenant (by
    /// id, name or e-mail, as the registry finds them), so events cannot be attributed to another tenant's people.
    /// Also answers the id of the identity the credential subject names, which decides whose events they are for
    /// person-scoped Space grants.
    /// </summary>
    public static async Task<(Dictionary<string, string[]> Errors, Guid? SubjectId)> ValidateIdentitiesAsync(
        RegistryClient registry, Guid tenantId, string? requester, string? subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Guid? subjectId = null;
        foreach (var (field, value) in new[] { ("requesterIdentity", requester), ("credentialSubject", subject) })
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }
            if (await registry.FindIdentityAsync(tenantId, value, ct) is not { } identity)
            {
                errors[field] = ["No identity of this tenant has this id, name or e-mail."];
            }
            else if (field == "credentialSubject")
            {
                subjectId = identity.Id;
            }
        }
        return (errors, subjectId);
    }

    /// <summary>An empty string in a PATCH clears an attribution field.</summary>
    public static string? EmptyAsNull(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static void ValidateSettings(Dictionary<string, string[]> errors, string? requester, string? subject, int? maxPayloadBytes, int? tolerance)
    {
        if (requester is not null && !IsAttribution(requester))
        {
            errors["requesterIdentity"] = [$"Use 1-{RouteLimits.MaxAttributionLength} printable characters."];
        }
        if (subject is not null && !IsAttribution(subject))
        {
            errors["credentialSubject"] = [$"Use 1-{RouteLimits.MaxAttributionLength} printable characters."];
        }
        if (maxPayloadBytes is < 1 or > RouteLimits.MaxPayloadBytes)
        {
            errors["maxPayloadBytes"] = [$"Use 1 to {RouteLimits.MaxPayloadBytes} bytes."];
        }
        if (tolerance is < 1 or > RouteLimits.MaxTimestampToleranceSeconds)
        {
            errors["timestampToleranceSeconds"] = [$"Use 1 to {RouteLimits.MaxTimestampToleranceSeconds} seconds."];
        }
    }

    private static bool IsAttribution(string value) =>
        value.Length is > 0 and <= RouteLimits.MaxAttributionLength && !value.Any(char.IsControl);

    private static string SecretHint(string scheme, bool missing) => (scheme, missing) switch
    {
        (WebhookSchemes.Slack or WebhookSchemes.Stripe, true) => $"The {scheme} scheme needs the secret the sender issued.",
        (WebhookSchemes.StandardWebhooks, _) => "Use whsec_ followed by base64 of 24-64 bytes, or whpk_ followed by base64 of an Ed25519 public key.",
        _ => "Use 16-256 printable ASCII characters.",
    };
}
