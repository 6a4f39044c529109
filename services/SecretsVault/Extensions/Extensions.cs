using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Outbound;
using Platform.SecretsVault.Authentication;
using Platform.SecretsVault.Binding;
using Platform.SecretsVault.Crypto;
using Platform.SecretsVault.Options;
using Platform.SecretsVault.Resolution;
using Platform.SecretsVault.Rotation;
using Platform.SecretsVault.Sources;
using Platform.SecretsVault.Storage;
using Platform.SecretsVault.Writing;

namespace Platform.SecretsVault;

/// <summary>The service's wiring: secret storage and resolution; reachable only by other services, never through the gateway.</summary>
public static class Extensions
{
    public const string DatabaseName = "vaultdb";

    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMigrations(DatabaseName);
        builder.AddEventBus();
        builder.AddVaultAuthentication();
        builder.AddVaultOptions();

        var services = builder.Services;
        // A body that is not valid JSON is a 400, never an exception whose message could quote the body.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        // Secrets are small (Vault:MaxSecretBytes); nothing the vault accepts needs a large body.
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.AddMemoryCache();
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.AddSingleton(sp => new MasterKeyRing(sp.GetRequiredService<IOptions<VaultOptions>>().Value.MasterKeys));
        services.AddSingleton<EnvelopeCipher>();
        services.AddSingleton(_ => new EnvSecretSource());
        // Env and cloud references are bound to the tenant's slug, which the registry tells.
        services.AddRegistryClient();
        services.AddSingleton<TenantDirectory>();
        services.AddSingleton<TenantReferencePolicy>();
        services.AddOutboundPolicy(builder.Configuration);
        services.TryAddSingleton<HttpPipelineTransport>(sp => new HttpClientTransport(new HttpClient(sp.GetRequiredService<OutboundPolicy>().CreateHandler())));
        services.AddSingleton<KeyVaultClients>();
        services.AddSingleton<CloudSecretSource>();
        services.AddSingleton<SecretStore>();
        services.AddSingleton<DataKeyStore>();
        services.AddSingleton<IAccessLogStore, AccessLogStore>();
        // A hosted service so that it stops after the server has finished its requests, and commits their records.
        services.AddSingleton<AccessLog>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessLog>());
        services.AddSingleton<VaultMetrics>();
        services.AddSingleton<SecretResolver>();
        services.AddSingleton<SecretWriter>();
        services.AddSingleton<SecretRequestValidator>();
        services.AddSingleton<DataKeyRewrapper>();
        return builder;
    }

    private static void AddVaultOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<VaultOptions>().BindConfiguration(VaultOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<VaultOptions>, VaultOptionsValidator>();
        builder.Services.AddOptions<EnvSecretOptions>().BindConfiguration(EnvSecretOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EnvSecretOptions>, EnvSecretOptionsValidator>();
        builder.Services.AddOptions<TenantSecretOptions>().BindConfiguration(TenantSecretOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TenantSecretOptions>, TenantSecretOptionsValidator>();
        builder.Services.AddOptions<CloudSecretOptions>().BindConfiguration(CloudSecretOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CloudSecretOptions>, CloudSecretOptionsValidator>();
    }

    /// <summary>Platform services by their service credential; the operator by the operator key; refused resolves are logged.</summary>
    private static void AddVaultAuthentication(this IHostApplicationBuilder builder)
    {
        builder.AddServiceAuthentication();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, OperatorKeyAuthenticationHandler>(OperatorKeyDefaults.Scheme, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OperatorKeyDefaults.Policy, policy => policy
                .AddAuthenticationSchemes(OperatorKeyDefaults.Scheme)
                .RequireClaim(OperatorKeyDefaults.OperatorClaim));
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessDenialRecorder>();
    }
}
