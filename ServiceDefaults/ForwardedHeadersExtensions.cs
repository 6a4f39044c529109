using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

/// <summary>Forwarded headers and error responses at the very start of every service's pipeline.</summary>
public static class ForwardedHeadersExtensions
{
    /// <summary>Set by Aspire (and our AppHost); ASP.NET Core then adds the forwarded-headers middleware itself.</summary>
    public const string ForwardedHeadersEnabledKey = "ASPNETCORE_FORWARDEDHEADERS_ENABLED";

    /// <summary>
    /// Services sit behind the gateway only and are unreachable from outside, so they trust the
    /// <c>X-Forwarded-For/Proto/Host</c> it sets from any address. The gateway narrows this for itself.
    /// </summary>
    public static TBuilder ConfigureForwardedHeaders<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });
        var addedByHost = IsTrue(builder.Configuration[ForwardedHeadersEnabledKey]) || IsTrue(builder.Configuration["FORWARDEDHEADERS_ENABLED"]);
        builder.Services.AddTransient<IStartupFilter>(_ => new ServiceDefaultsStartupFilter(useForwardedHeaders: !addedByHost));
        return builder;
    }

    private static bool IsTrue(string? value) => bool.TryParse(value, out var result) && result;
}
