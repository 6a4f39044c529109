using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Platform.SecretsVault.Client;
using Platform.SecretsVault.Options;
using Platform.SecretsVault.Sources;

namespace Platform.SecretsVault.Writing;

/// <summary>
/// Checks create and update requests; the errors name fields and rules, never the values given (a caller that
/// put a key into the wrong field must not see it echoed into a problem body or a log).
/// </summary>
public sealed partial class SecretRequestValidator(IOptions<VaultOptions> options, EnvSecretSource env, CloudSecretSource cloud)
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
        if (string.IsNullOrEmpty(request.Purpose) || !Purpose().IsMatch(request.Purpose))
        {
            errors["purpose"] = ["A purpose is a short label: letters, digits, spaces and . _ : / ( ) -, at most 64, starting with a letter or digit."];
        }
        if (request.Kind is null || !Kinds.Contains(request.Kind, StringComparer.Ordinal))
        {
            errors["kind"] = ["The kind is one of: encrypted, env, cloud."];
            return errors;
        }
        RequireOnly(errors, request.Kind == SecretKinds.Encrypted, "value", request.Value, ValueError(request.Value));
        RequireOnly(errors, request.Kind == SecretKinds.Env, "variableName", request.VariableName, env.Refuse(request.VariableName));
        RequireOnly(errors, request.Kind == SecretKinds.Cloud, "secretIdentifier", request.SecretIdentifier, IdentifierError(request.SecretIdentifier));
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

    private string? IdentifierError(string? identifier) =>
        CloudSecretIdentifier.TryParse(identifier, out var parsed, out var error) ? cloud.Refuse(parsed) : error;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9 ._:/()-]{0,63}$")]
    private static partial Regex Purpose();
}
