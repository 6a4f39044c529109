using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.Outbound;

public static class OutboundServiceCollectionExtensions
{
    /// <summary>Registers <see cref="OutboundPolicy"/> with its options bound from the <c>Outbound</c> section.</summary>
    public static IServiceCollection AddOutboundPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OutboundPolicyOptions>().Bind(configuration.GetSection(OutboundPolicyOptions.SectionName));
        services.TryAddSingleton<OutboundPolicy>();
        return services;
    }
}
