using Platform.IntegrationRegistry.Model;
using Platform.Outbound;

namespace Platform.IntegrationRegistry.Validation;

/// <summary>Field-level validation of every admin and operator request; field names are the JSON names.</summary>
public static class RequestValidators
{
    private const int MaxSecretLength = 16 * 1024;

    public static RequestErrors Validate(CreateTenantRequest request, DateTimeOffset now)
    {
        var errors = new RequestErrors();
        errors.Slug("slug", request.Slug);
        errors.Required("name", request.Name);
        errors.InFuture("adminKeyExpiresAt", request.AdminKeyExpiresAt, now);
        return errors;
    }

    public static RequestErrors Validate(IdentityRequest request)
    {
        var errors = new RequestErrors();
        errors.PrintableName("name", request.Name, required: true);
        errors.MaxLength("displayName", request.DisplayName, RequestErrors.MaxNameLength);
        errors.MaxLength("email", request.Email, 320);
        if (request.Email is { Length: > 0 } email && (!email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace)))
        {
            errors.Add("email", "The email field must be an email address.");
        }
        return errors;
    }

    public static RequestErrors Validate(AgentRequest request, OutboundPolicy outbound)
    {
        var errors = new RequestErrors();
        errors.Slug("slug", request.Slug);
        errors.Required("name", request.Name);
        errors.Required("subjectIdentityId", request.SubjectIdentityId);
        errors.MaxLength("description", request.Description);
        errors.HttpUrl("mcpUrl", request.McpUrl, required: false);
        errors.CallableUrl("mcpUrl", request.McpUrl, outbound);
        return errors;
    }

    public static RequestErrors Validate(IssueTokenRequest request, DateTimeOffset now)
    {
        var errors = new RequestErrors();
        errors.PrintableName("name", request.Name, required: false);
        errors.InFuture("expiresAt", request.ExpiresAt, now);
        return errors;
    }

    public static RequestErrors Validate(DefinitionRequest request, OutboundPolicy outbound)
    {
        var errors = new RequestErrors();
        errors.Required("name", request.Name);
        errors.OneOf("kind", request.Kind, RegistryVocabulary.DefinitionKinds);
        errors.HttpUrl("baseUrl", request.BaseUrl, required: true);
        errors.CallableUrl("baseUrl", request.BaseUrl, outbound);
        errors.MaxLength("description", request.Description);
        return errors;
    }

    /// <summary>
    /// Field rules of an auth method; whether a secret is needed at all depends on what is stored, so the API checks
    /// that (<see cref="NeedsClientSecret"/>). Fixed endpoints are URLs the broker will call: reserved addresses are refused.
    /// </summary>
    public static RequestErrors Validate(AuthMethodRequest request, bool creating, OutboundPolicy outbound)
    {
        var errors = new RequestErrors();
        if (creating)
        {
            errors.Required("definitionId", request.DefinitionId);
        }
        errors.Required("name", request.Name);
        errors.OneOf("kind", request.Kind, RegistryVocabulary.AuthMethodKinds);
        errors.Names("scopes", request.Scopes);
        if (request.Kind is not null && RegistryVocabulary.KindsWithClientSecret.Contains(request.Kind))
        {
            ValidateOAuthClient(errors, request, outbound);
        }
        else
        {
            foreach (var (field, value) in new (string, object?)[]
            {
                ("clientId", request.ClientId), ("clientSecret", request.ClientSecret), ("tokenEndpointAuthMethod", request.TokenEndpointAuthMethod),
                ("authorizationEndpoint", request.AuthorizationEndpoint), ("tokenEndpoint", request.TokenEndpoint), ("resourceOnRefresh", request.ResourceOnRefresh),
            })
            {
                if (value is not null)
                {
                    errors.Add(field, $"Auth methods of kind '{request.Kind}' take no {field}; only 'oauth' and 'client-credentials' do.");
                }
            }
        }
        errors.MaxLength("clientSecret", request.ClientSecret, MaxSecretLength);
        if (request.Kind == "static")
        {
            errors.Required("headerName", request.HeaderName, 100);
            if (request.HeaderName is { Length: > 0 } header && !header.All(IsHeaderNameCharacter))
            {
                errors.Add("headerName", "The headerName field must be an HTTP header name (letters, digits, '-').");
            }
            else if (request.HeaderName is { Length: > 0 } reserved && ReservedHeaders.IsReserved(reserved))
            {
                errors.Add("headerName", $"The headerName field names '{reserved}', a header the platform sets itself or that changes how the request travels; use the header the upstream reads its key from (e.g. Authorization or X-API-Key).");
            }
        }
        else if (request.HeaderName is not null)
        {
            errors.Add("headerName", "Only auth methods of kind 'static' send a header of their own.");
        }
        return errors;
    }

    public static RequestErrors Validate(InstallRequest request)
    {
        var errors = new RequestErrors();
        errors.Slug("slug", request.Slug);
        errors.MaxLength("displayName", request.DisplayName, RequestErrors.MaxNameLength);
        errors.Required("authMethodId", request.AuthMethodId);
        errors.Names("allowedTools", request.AllowedTools);
        errors.Names("deniedTools", request.DeniedTools);
        errors.UriPatterns("allowedResources", request.AllowedResources);
        errors.UriPatterns("deniedResources", request.DeniedResources);
        errors.Names("allowedPrompts", request.AllowedPrompts);
        errors.Names("deniedPrompts", request.DeniedPrompts);
        errors.InRange("callTimeoutSeconds", request.CallTimeoutSeconds, 1, 600);
        return errors;
    }

    public static RequestErrors Validate(CredentialRequest request, DateTimeOffset now)
    {
        var errors = new RequestErrors();
        errors.Required("installId", request.InstallId);
        errors.Required("subjectIdentityId", request.SubjectIdentityId);
        errors.Names("scopes", request.Scopes);
        errors.InFuture("expiresAt", request.ExpiresAt, now);
        if (request.Secrets is null || request.Secrets.Count == 0)
        {
            errors.Add("secrets", "The secrets field must hold at least one secret, e.g. {\"api-key\": {\"value\": \"...\"}}.");
            return errors;
        }
        if (request.Secrets.Count > 10)
        {
            errors.Add("secrets", "A credential holds at most 10 secrets.");
        }
        foreach (var (role, input) in request.Secrets)
        {
            ValidateSecret(errors, role, input);
        }
        return errors;
    }

    public static RequestErrors Validate(SpaceRequest request)
    {
        var errors = new RequestErrors();
        errors.Slug("slug", request.Slug);
        errors.Required("name", request.Name);
        errors.MaxLength("description", request.Description);
        return errors;
    }

    public static RequestErrors Validate(SpaceGrantRequest request)
    {
        var errors = new RequestErrors();
        if (request.Scope is not null)
        {
            errors.OneOf("scope", request.Scope, Client.SpaceGrantScopes.All);
        }
        return errors;
    }

    /// <summary>True when the stored method authenticates with a secret (so one must be given or already kept).</summary>
    public static bool NeedsClientSecret(AuthMethodRequest request, bool hasSecret) =>
        request.EffectiveTokenEndpointAuthMethod(hasSecret) is { } method && method != "none";

    private static void ValidateOAuthClient(RequestErrors errors, AuthMethodRequest request, OutboundPolicy outbound)
    {
        var clientCredentials = request.Kind == "client-credentials";
        if (clientCredentials)
        {
            errors.Required("clientId", request.ClientId);
        }
        else if (request.ClientId is null)
        {
            // Without a client the broker presents its metadata document or registers itself; nothing to say about a client.
            foreach (var (field, value) in new (string, string?)[]
            {
                ("clientSecret", request.ClientSecret), ("tokenEndpointAuthMethod", request.TokenEndpointAuthMethod),
                ("authorizationEndpoint", request.AuthorizationEndpoint), ("tokenEndpoint", request.TokenEndpoint),
            })
            {
                if (value is not null)
                {
                    errors.Add(field, $"The {field} field belongs to a pre-registered client; give clientId too, or leave it out to let the platform register itself.");
                }
            }
        }
        errors.MaxLength("clientId", request.ClientId, RequestErrors.MaxNameLength);
        if (request.TokenEndpointAuthMethod is not null)
        {
            errors.OneOf("tokenEndpointAuthMethod", request.TokenEndpointAuthMethod, RegistryVocabulary.TokenEndpointAuthMethods);
        }
        if (request.TokenEndpointAuthMethod == "none" && request.ClientSecret is not null)
        {
            errors.Add("clientSecret", "A client using token endpoint auth method 'none' has no secret.");
        }
        if (clientCredentials && request.TokenEndpointAuthMethod == "none")
        {
            errors.Add("tokenEndpointAuthMethod", "Client credentials authenticate with a secret: use client_secret_basic or client_secret_post.");
        }
        if (clientCredentials && request.AuthorizationEndpoint is not null)
        {
            errors.Add("authorizationEndpoint", "Client credentials use no authorization endpoint.");
        }
        if (clientCredentials && request.ResourceOnRefresh is not null)
        {
            errors.Add("resourceOnRefresh", "Client credentials get no refresh token.");
        }
        errors.HttpUrl("authorizationEndpoint", request.AuthorizationEndpoint, required: false);
        errors.CallableUrl("authorizationEndpoint", request.AuthorizationEndpoint, outbound);
        errors.HttpUrl("tokenEndpoint", request.TokenEndpoint, required: false);
        errors.CallableUrl("tokenEndpoint", request.TokenEndpoint, outbound);
    }

    private static void ValidateSecret(RequestErrors errors, string role, SecretInput? input)
    {
        var field = $"secrets.{role}";
        var probe = new RequestErrors();
        probe.Slug("role", role);
        if (probe.HasErrors)
        {
            errors.Add("secrets", "Secret roles must be 1 to 40 characters of a-z, 0-9 and '-' (e.g. api-key).");
            return;
        }
        var forms = input is null ? 0 : new[] { input.Value, input.EnvironmentVariable, input.KeyVaultSecretId }.Count(v => !string.IsNullOrEmpty(v));
        if (forms != 1)
        {
            errors.Add(field, "Give exactly one of value, environmentVariable or keyVaultSecretId.");
            return;
        }
        errors.MaxLength($"{field}.value", input!.Value, MaxSecretLength);
        errors.MaxLength($"{field}.environmentVariable", input.EnvironmentVariable, RequestErrors.MaxNameLength);
        if (input.KeyVaultSecretId is { Length: > 0 } uri
            && (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{field}.keyVaultSecretId", "The keyVaultSecretId field must be an absolute https URL of a Key Vault secret.");
        }
    }

    private static bool IsHeaderNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
