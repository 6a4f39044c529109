using Microsoft.AspNetCore.Authentication;
using Platform.IntegrationRegistry.Apis;
using Platform.IntegrationRegistry.Client.Authentication;
using Platform.IntegrationRegistry.Data;
using Platform.IntegrationRegistry.Infrastructure;
using Platform.IntegrationRegistry.Outbox;
using Platform.IntegrationRegistry.Secrets;
using Platform.IntegrationRegistry.Security;
using Platform.IntegrationRegistry.Validation;
using Platform.Outbound;


namespace Platform.IntegrationRegistry;

/// <summary>The service's wiring: tenants, identities, agents, definitions, auth methods, installs, credentials and spaces.</summary>
public static class Extensions
{
    public const string DatabaseName = "registrydb";
    /// <summary>The relay's pace (<see cref="Platform.Messaging.Outbox.OutboxOptions"/>).</summary>
    public const string OutboxSectionName = "Registry:Outbox";

    public const string OpenApiPath = "/api/registry/openapi/{documentName}.json";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMigrations(DatabaseName);
        // Its own revocations also reach every other registry replica's admin-key cache.
        builder.AddEventBus(bus => bus.AddPrincipalRevocationConsumer());
        builder.Services.AddVaultClient();
        builder.Services.AddHttpClient<Broker.OAuthBrokerClient>(client => client.BaseAddress = Broker.OAuthBrokerClient.BaseAddress);
        // Refuses URLs naming reserved addresses when they are saved; the edge judges every connection again.
        builder.Services.AddOutboundPolicy(builder.Configuration);
        builder.Services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.SectionName)
            .Validate(o => o.OperatorKey is null || o.OperatorKey.Length >= 32, "Registry:OperatorKey must be at least 32 characters.")
            .Validate(o => o.UpstreamRevocationHold >= TimeSpan.FromMinutes(1) && o.UpstreamRevocationHold <= TimeSpan.FromDays(30),
                "Registry:UpstreamRevocationHold must be between 1 minute and 30 days.")
            .ValidateOnStart();

        builder.AddOutbox<RegistryOutboxStore>(OutboxSectionName);
        builder.Services.AddSingleton<SecretRevocationSignal>();
        builder.Services.AddSingleton<RegistryDatabase>();
        builder.Services.AddSingleton<TenantStore>();
        builder.Services.AddSingleton<IdentityStore>();
        builder.Services.AddSingleton<AgentStore>();
        builder.Services.AddSingleton<AgentCallerStore>();
        builder.Services.AddSingleton<SigningKeyStore>();
        builder.Services.AddSingleton<AgentTokenStore>();
        builder.Services.AddSingleton<AdminKeyStore>();
        builder.Services.AddSingleton<DefinitionStore>();
        builder.Services.AddSingleton<AuthMethodStore>();
        builder.Services.AddSingleton<InstallStore>();
        builder.Services.AddSingleton<CredentialStore>();
        builder.Services.AddSingleton<SpaceStore>();
        builder.Services.AddSingleton<SpaceGrantStore>();
        builder.Services.AddTransient<VaultSecretWriter>();
        builder.Services.AddHostedService<VaultSecretRevoker>();

        // The registry answers its own admin keys from its database (before AddAdminKey, which would otherwise ask over HTTP).
        builder.Services.AddSingleton<DatabaseAuthenticator>();
        builder.Services.AddSingleton<IRegistryAuthenticator>(sp => sp.GetRequiredService<DatabaseAuthenticator>());
        builder.AddServiceAuthentication();
        builder.Services.AddAuthentication()
            .AddAdminKey()
            .AddScheme<AuthenticationSchemeOptions, OperatorAuthenticationHandler>(OperatorAuthenticationHandler.SchemeName, null);
        builder.Services.AddRegistryPolicies();

        builder.Services.AddExceptionHandler<RegistryExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer<AdminKeySecurityTransformer>());
        return builder;
    }

    /// <summary>The admin, operator and internal APIs, the OpenAPI document, and problem details for every error.</summary>
    public static WebApplication MapRegistryApis(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi(OpenApiPath);
        // Every API below shares the NUL check: PostgreSQL cannot store U+0000, so it is a 400 naming the field.
        var apis = app.MapGroup("").AddEndpointFilter<NulCharacterFilter>();
        apis.MapOperatorApi();
        apis.MapIdentitiesApi();
        apis.MapAgentsApi();
        apis.MapAdminKeysApi();
        apis.MapDefinitionsApi();
        apis.MapAuthMethodsApi();
        apis.MapInstallsApi();
        apis.MapConnectLinksApi();
        apis.MapCredentialsApi();
        apis.MapSpacesApi();
        apis.MapSpaceGrantsApi();
        apis.MapInternalApi();
        apis.MapAgentCallersApi();
        apis.MapSigningKeysApi();
        return app;
    }
}
