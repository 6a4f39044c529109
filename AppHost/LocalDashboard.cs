using System.Globalization;

namespace Platform.AppHost;

/// <summary>
/// Where the Aspire dashboard listens when the AppHost is started without a launch profile (<c>dotnet AppHost.dll</c>,
/// as the benchmarks and the lifecycle tests do): the dashboard on the given port, its OTLP receiver and resource
/// service on fresh ones; over http, since a newcomer's machine has no development certificate.
/// </summary>
internal static class LocalDashboard
{
    public static void Configure(int dashboardPort)
    {
        if (Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is { Length: > 0 })
        {
            return; // a launch profile (dotnet run) said it
        }
        var port = dashboardPort == 0 ? PortAllocator.GetFreePort() : dashboardPort;
        Environment.SetEnvironmentVariable("ASPNETCORE_URLS", Url(port));
        Environment.SetEnvironmentVariable("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", Url(PortAllocator.GetFreePort()));
        Environment.SetEnvironmentVariable("ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL", Url(PortAllocator.GetFreePort()));
        Environment.SetEnvironmentVariable("ASPIRE_ALLOW_UNSECURED_TRANSPORT", "true");
    }

    private static string Url(int port) => string.Create(CultureInfo.InvariantCulture, $"http://localhost:{port}");
}
