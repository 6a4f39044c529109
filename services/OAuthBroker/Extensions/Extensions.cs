using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.OAuth;
using Platform.OAuthBroker.Engine;
using Platform.OAuthBroker.Infrastructure;
using Platform.OAuthBroker.IntegrationEvents.EventHandling;
using Platform.OAuthBroker.Revocation;
using Platform.OAuthBroker.Tokens;
using Platform.Outbound;
using Platform.ServiceDefaults;

namespace Platform.OAuthBroker;

/// <summary>The service's wiring: the OAuth client for upstreams: connect flows, client registrations, token metadata and refresh, upstream revocation.</summary>
public static class Extensions
{
    public const string DatabaseName = "brokerdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMigrations(DatabaseName);
        builder.AddEventBus(bus => bus.AddConsumer<UpstreamRevocationConsumer>());
        builder.AddServiceAuthentication();
        builder.Services.AddOptions<OAuthBrokerOptions>().BindConfiguration(OAuthBrokerOptions.SectionName)
            .Validate(o => o.PublicBaseUrl is null || o.PublicBaseUrl.Scheme == Uri.UriSchemeHttps || o.PublicBaseUrl.IsLoopback,
                "OAuthBroker:PublicBaseUrl must be an https URL (http only on loopback).")
            .Validate(o => o.ConnectLinkLifetime > TimeSpan.Zero && o.ConnectLinkLifetime <= TimeSpan.FromDays(7),
                "OAuthBroker:ConnectLinkLifetime must be positive and at most 7 days.")
            .ValidateOnStart();
        builder.Services.AddOptions<OAuthEngineOptions>().BindConfiguration(OAuthEngineOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddRegistryClient();
        builder.Services.AddVaultClient();

        // Every request the engine makes (MCP servers, metadata, registration, tokens) goes through the outbound policy.
        builder.Services.AddOutboundPolicy(builder.Configuration);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PlatformClients>();
        builder.Services.AddSingleton<PostgresClientRegistrationStore>();
        builder.Services.AddSingleton<IClientRegistrationStore>(sp => sp.GetRequiredService<PostgresClientRegistrationStore>());
        builder.Services.AddSingleton<PostgresAuthorizationStateStore>();
        builder.Services.AddSingleton<IAuthorizationStateStore>(sp => sp.GetRequiredService<PostgresAuthorizationStateStore>());
        builder.Services.AddSingleton<ClientSecretSource>();
        builder.Services.AddSingleton<OAuthEngine>();
        builder.Services.AddSingleton<BrokerAuthorizations>();
        builder.Services.AddSingleton<Connect.ConnectLinkStore>();

        builder.Services.AddOptions<TokenRefreshOptions>().BindConfiguration(TokenRefreshOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.SweepInterval > TimeSpan.Zero && o.MinimumMargin >= TimeSpan.Zero, "OAuthBroker:Refresh:SweepInterval must be positive and MinimumMargin not negative.")
            .ValidateOnStart();
        builder.Services.AddSingleton<OAuthTokenStore>();
        builder.Services.AddSingleton<TokenRefresher>();
        builder.Services.AddHostedService<TokenRefreshSweep>();

        builder.Services.AddOptions<UpstreamRevocationOptions>().BindConfiguration(UpstreamRevocationOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.FirstRetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.FirstRetryDelay,
                "OAuthBroker:Revocation: PollInterval and FirstRetryDelay must be positive, MaxRetryDelay at least FirstRetryDelay.")
            .ValidateOnStart();
        builder.Services.AddSingleton<UpstreamRevoker>();
        builder.Services.AddHostedService<UpstreamRevocationLoop>();

        builder.Services.AddOptions<Faults.CrashPointOptions>().BindConfiguration(Faults.CrashPointOptions.SectionName)
            .Validate(o => !o.Enabled || builder.Environment.IsDevelopment(), "OAuthBroker:CrashPoints:Enabled is for crash tests: only in the Development environment.")
            .ValidateOnStart();
        builder.Services.AddSingleton<Faults.CrashPoints>();

        builder.Services.AddExceptionHandler<OAuthProblemHandler>();
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }
}
