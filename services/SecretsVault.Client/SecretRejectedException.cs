namespace Platform.SecretsVault.Client;

/// <summary>
/// The vault refused a create or update (400/409): e.g. an environment variable without the allowed prefix, or a
/// Key Vault host that is not allowed. Carries the problem's title and field errors, which never contain material.
/// </summary>
public sealed class SecretRejectedException : Exception
{
    public SecretRejectedException()
    {
    }

    public SecretRejectedException(string message)
        : base(message)
    {
    }

    public SecretRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SecretRejectedException(int statusCode, string message, IReadOnlyDictionary<string, string[]> errors)
        : base(message)
    {
        StatusCode = statusCode;
        Errors = errors;
    }

    public int StatusCode { get; }

    /// <summary>Field name → messages, as the problem details' <c>errors</c>.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]>();
}
