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

    public static RequestErrors Validate(AuthMethodRequest request, bool creating)
    {
        var errors = new RequestErrors();
        if (creating)
        {
            errors.Required("definitionId", request.DefinitionId);
        }
        errors.Required("name", request.Name);
        errors.OneOf("kind", request.Kind, RegistryVocabulary.AuthMethodKinds);
        errors.Names("scopes", request.Scopes);
        errors.HttpUrl("authorizationEndpoint", request.AuthorizationEndpoint, required: request.Kind == "oauth-preregistered");
        errors.HttpUrl("tokenEndpoint", request.TokenEndpoint, required: request.Kind is "oauth-preregistered" or "client-credentials");
        if (request.Kind is "oauth-preregistered" or "client-credentials")
        {
            errors.Required("clientId", request.ClientId);
        }
        else if (request.ClientId is not null || request.ClientSecret is not null)
        {
            errors.Add(request.ClientId is not null ? "clientId" : "clientSecret", $"Auth methods of kind '{request.Kind}' take no client.");
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
