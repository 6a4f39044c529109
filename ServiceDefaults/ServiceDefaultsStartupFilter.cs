using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Platform.ServiceDefaults;

/// <summary>
/// Puts forwarded headers first and turns unhandled exceptions and empty error responses into
/// problem details, before any middleware the service adds.
/// </summary>
internal sealed class ServiceDefaultsStartupFilter(bool useForwardedHeaders) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (useForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        next(app);
    };
}
