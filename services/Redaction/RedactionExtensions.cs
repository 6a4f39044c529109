using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.Redaction;

/// <summary>Registers <see cref="SecretRedactor"/> with its key from section <c>Redaction</c>.</summary>
public static class RedactionExtensions
{
    /// <summary>
    /// A singleton <see cref="SecretRedactor"/>. Start fails when <c>Redaction:FingerprintKey</c> is missing or
    /// shorter than <see cref="RedactionOptions.MinimumKeyLength"/>: without a key nothing could be recorded safely.
    /// </summary>
    public static IServiceCollection AddSecretRedaction(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RedactionOptions>()
            .BindConfiguration(RedactionOptions.SectionName)
            .Validate(
                options => (options.FingerprintKey ?? string.Empty).Length >= RedactionOptions.MinimumKeyLength,
                $"Redaction:FingerprintKey must be set, with at least {RedactionOptions.MinimumKeyLength} characters.")
            .ValidateOnStart();
        services.TryAddSingleton<SecretRedactor>();
        return services;
    }
}
