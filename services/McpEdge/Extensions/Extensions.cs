using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Platform.McpEdge.Audit;
using Platform.McpEdge.Catalog;
using Platform.McpEdge.Http;
using Platform.McpEdge.IntegrationEvents.EventHandling;
using Platform.McpEdge.Server;
using Platform.McpEdge.Tools;
using Platform.McpEdge.Upstream;
using Platform.Outbound;
using Platform.Redaction;
using Platform.ServiceDefaults;

namespace Platform.McpEdge;

/// <summary>The service's wiring: the stateless MCP endpoint agents connect to; any replica serves any request.</summary>
public static class Extensions
{
    /// <summary>The pace of the relay that empties the audit journal (<see cref="Platform.Messaging.Outbox.OutboxOptions"/>).</summary>
    public const string AuditRelaySectionName = "McpEdge:Audit:Relay";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var identity = ServiceIdentity.Create(builder.Configuration, builder.Environment);
        builder.AddEventBus(bus =>
        {
            // Every replica must see every cache-invalidation event: one temporary queue per instance.
            bus.AddConsumer<CatalogChangedConsumer>().Endpoint(endpoint => PerInstance(endpoint, identity));
            bus.AddConsumer<CredentialConnectedConsumer>().Endpoint(endpoint => PerInstance(endpoint, identity));
            bus.AddConsumer<CredentialRevokedConsumer>().Endpoint(endpoint => PerInstance(endpoint, identity));
            bus.AddConsumer<SpaceGrantsChangedConsumer>().Endpoint(endpoint => PerInstance(endpoint, identity));
            bus.AddPrincipalRevocationConsumer();
        });
        // A broker outage must not take the edge out of the gateway's rotation: tool calls go on, the audit journals.
        builder.Services.PostConfigure<HealthCheckServiceOptions>(health =>
        {
            foreach (var registration in health.Registrations.Where(r => r.Name == EventBusExtensions.ConnectionName))
            {
                registration.FailureStatus = HealthStatus.Degraded;
            }
        });

        builder.Services.AddAuthentication().AddAgentToken();
        builder.Services.AddRegistryClient();
        builder.Services.AddVaultClient();
        builder.Services.AddSecretRedaction();
        builder.Services.AddOptions<McpEdgeOptions>().BindConfiguration(McpEdgeOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<McpEdgeOptions>, McpEdgeOptionsValidator>();
        builder.Services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();

        builder.Services.AddMcpEndpoint();
        builder.Services.AddSingleton<EdgeServerOptions>();
        builder.Services.AddSingleton<CatalogListHandlers>();
        builder.Services.AddSingleton<ForwardedRequestHandlers>();
        builder.Services.AddSingleton<ToolCallHandler>();
        builder.Services.AddSingleton<PlatformTools>();
        builder.Services.AddSpaceEvents();

        builder.Services.AddSingleton<CatalogService>();
        builder.Services.AddSingleton<CatalogStore>();
        builder.Services.AddSingleton<SourceDirectory>();
        builder.Services.AddSingleton<CatalogRefresh>();

        builder.Services.AddOutboundPolicy(builder.Configuration);
        builder.Services.AddSingleton<PlatformClients>();
        builder.Services.AddSingleton<UpstreamHttp>();
        builder.Services.AddSingleton<UpstreamSessions>();
        builder.Services.AddHttpClient(BrokerTokens.ClientName, client => client.BaseAddress = BrokerTokens.BaseAddress);
        builder.Services.AddSingleton<BrokerTokens>();
        builder.Services.AddSingleton<ConnectLinks>();
        builder.Services.AddSingleton<UpstreamCredentials>();
        builder.Services.AddSingleton<CallerTokens>();
        builder.Services.AddSingleton<UpstreamConnector>();
        builder.Services.AddSingleton<CredentialEchoes>();
        builder.Services.AddSingleton<UpstreamConcurrency>();
        builder.Services.AddSingleton<UpstreamCallOutcomes>();
        builder.Services.AddHostedService<UpstreamSessionSweeper>();

        builder.Services.AddSingleton<AuditMetrics>();
        builder.Services.AddSingleton<AuditJournal>();
        builder.Services.AddSingleton<ToolCallEvents>();
        builder.Services.AddSingleton<ToolCallAuditQueue>();
        builder.Services.AddHostedService<AuditPublisher>();
        builder.AddOutbox<AuditJournalOutbox>(AuditRelaySectionName);
        builder.Services.AddHealthChecks().AddCheck<AuditHealthCheck>("audit", tags: [Microsoft.Extensions.Hosting.Extensions.ReadyTag]);
        return builder;
    }

    private static void PerInstance(IEndpointRegistrationConfigurator endpoint, ServiceIdentity identity)
    {
        endpoint.InstanceId = identity.Instance;
        endpoint.Temporary = true;
    }
}
