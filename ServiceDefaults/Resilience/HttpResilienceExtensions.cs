using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Resilience;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The standard resilience handler of <c>Microsoft.Extensions.Http.Resilience</c>, rebuilt on Polly.Core.</summary>
public static class HttpResilienceExtensions
{
    /// <summary>
    /// Total timeout, retry of idempotent requests on transient failures with jittered exponential backoff,
    /// a circuit breaker per destination and a per-attempt timeout. Settings: section <c>HttpResilience</c>.
    /// </summary>
    public static IHttpClientBuilder AddStandardResilienceHandler(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<HttpStandardResilienceOptions>()
            .BindConfiguration(HttpStandardResilienceOptions.SectionName)
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HttpStandardResilienceOptions>, HttpStandardResilienceOptionsValidator>());
        builder.Services.TryAddSingleton<HttpResiliencePipelineProvider>();
        builder.Services.TryAddTransient<ResilienceHandler>();
        return builder.AddHttpMessageHandler<ResilienceHandler>();
    }
}
