using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Platform.SecretsVault.Binding;
using Platform.SecretsVault.Client;
using Platform.SecretsVault.Options;
using Platform.SecretsVault.Sources;

namespace Platform.SecretsVault.Writing;

/// <summary>
/// Checks create and update requests; the errors name fields and rules, never the values given (a caller that
/// put a key into the wrong field must not see it echoed into a problem body or a log).
/// </summary>
public sealed partial class SecretRequestValidator(IOptions<VaultOptions> options, TenantReferencePolicy policy)
{
    private static readonly string[] Kinds = [SecretKinds.Encrypted, SecretKinds.Env, SecretKinds.Cloud];

    public Dictionary<string, string[]> Validate(CreateSecretRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors[""] = ["A JSON body is required."];
            return errors;
        }
        if (request.TenantId == Guid.Empty)
        {
            errors["tenantId"] = ["A tenant id is required."];
        }
        if (request.Purpose is null || !SecretPurposes.All.Contains(request.Purpose, StringComparer.Ordinal))
        {
            errors["purpose"] = [$"The purpose is one of: {string.Join(", ", SecretPurposes.All)}."];
        }
        if (request.Kind is null || !Kinds.Contains(request.Kind, StringComparer.Ordinal))
        {
            errors["kind"] = ["The kind is one of: encrypted, env, cloud."];
            return errors;
        }
        RequireOnly(errors, request.Kind == SecretKinds.Encrypted, "value", request.Value, ValueError(request.Value));
        RequireOnly(errors, request.Kind == SecretKinds.Env, "variableName", request.VariableName, VariableNameError(request.VariableName));
        RequireOnly(errors, request.Kind == SecretKinds.Cloud, "secretIdentifier", request.SecretIdentifier, IdentifierError(request.SecretIdentifier));
        return errors;
    }

    /// <summary>
    /// For a request <see cref="Validate(CreateSecretRequest?)"/> accepted: whether its env or cloud reference
    /// belongs to the tenant whose slug is <paramref name="tenantSlug"/> (null: the registry knows no such tenant).
    /// </summary>
    public Dictionary<string, string[]> ValidateBinding(CreateSecretRequest request, string? tenantSlug)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        if (request.Kind == SecretKinds.Encrypted)
        {
            return errors;
        }
        if (tenantSlug is null)
        {
            errors["tenantId"] = ["No tenant has this id."];
        }
        else if (request.Kind == SecretKinds.Env && policy.RefuseVariable(tenantSlug, request.VariableName) is { } variableError)
        {
            errors["variableName"] = [variableError];
        }
        else if (request.Kind == SecretKinds.Cloud && CloudSecretIdentifier.TryParse(request.SecretIdentifier, out var identifier, out _)
            && policy.RefuseIdentifier(tenantSlug, identifier) is { } identifierError)
        {
            errors["secretIdentifier"] = [identifierError];
        }
        return errors;
    }

    public Dictionary<string, string[]> Validate(UpdateSecretRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (ValueError(request?.Value) is { } error)
        {
            errors["value"] = [error];
        }
        return errors;
    }

    private static void RequireOnly(Dictionary<string, string[]> errors, bool belongsToKind, string field, string? given, string? error)
    {
        if (!belongsToKind && given is not null)
        {
            errors[field] = [$"Only a secret of another kind takes '{field}'; send exactly the fields of the chosen kind."];
        }
        else if (belongsToKind && error is not null)
        {
            errors[field] = [error];
        }
    }

    private string? ValueError(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "A value is required.";
        }
        var max = options.Value.MaxSecretBytes;
        return Encoding.UTF8.GetByteCount(value) > max ? $"A value has at most {max} bytes (UTF-8)." : null;
    }

    private static string? IdentifierError(string? identifier) =>
        CloudSecretIdentifier.TryParse(identifier, out _, out var error) ? null : error;

    private static string? VariableNameError(string? variableName) =>
        variableName is not null && VariableName().IsMatch(variableName) ? null : "A variable name has letters, digits and underscores only (at most 128).";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex VariableName();
}
