using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Platform.Hosting;

/// <summary>The AppHost's dashboard: every resource instance with its state, endpoints and health, its live console
/// and its environment (secrets masked). Listens on loopback only.</summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private DashboardServer(WebApplication app, string url, string loginToken)
    {
        _app = app;
        Url = url;
        LoginToken = loginToken;
    }

    /// <summary>The address it actually listens on, such as <c>http://127.0.0.1:18888</c>.</summary>
    public string Url { get; }

    /// <summary>What resource commands must present (<see cref="DashboardLogin"/>).</summary>
    public string LoginToken { get; }

    /// <summary>Starts serving <paramref name="store"/>; port 0 picks a free port. A port in use throws <see cref="IOException"/>.</summary>
    public static async Task<DashboardServer> StartAsync(ResourceStateStore store, string bindAddress, int port, CancellationToken cancellationToken, IResourceCommands? commands = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        var address = LoopbackAddress(bindAddress);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DashboardServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
            Args = [],
        });
        // Nothing from files or the AppHost's environment (appsettings.json, ASPNETCORE_URLS, Logging__*) reaches the
        // dashboard. The server reads its address from app configuration first, so the host settings the builder
        // captured from the environment are never consulted.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection([new(WebHostDefaults.ServerUrlsKey, $"http://{new IPEndPoint(address, port)}")]);
        builder.Logging.ClearProviders()
            .AddSimpleConsole(options => options.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        // Event streams end on ApplicationStopping; this bounds the wait for anything else.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, DashboardJsonContext.Default));
        builder.Services.AddSingleton<IHostLifetime, DashboardLifetime>();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(store);
        var login = DashboardLogin.Create();
        builder.Services.AddSingleton(login);
        if (commands is not null)
        {
            builder.Services.AddSingleton(commands);
        }

        var app = builder.Build();
        app.UseDashboardSecurity();
        app.MapDashboardPage();
        app.MapResourcesApi();
        if (commands is not null)
        {
            app.MapResourceCommandsApi();
        }
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        // With port 0 only the server knows the port it got.
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new DashboardServer(app, addresses.First().TrimEnd('/'), login.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The dashboard shows environments and logs, so it never listens beyond this machine.</summary>
    private static IPAddress LoopbackAddress(string bindAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bindAddress);
        if (string.Equals(bindAddress, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }
        if (IPAddress.TryParse(bindAddress, out var address) && IPAddress.IsLoopback(address))
        {
            return address;
        }
        throw new ArgumentException($"The dashboard binds to a loopback address only, not '{bindAddress}'.", nameof(bindAddress));
    }
}
