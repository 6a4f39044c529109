using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Platform.AppHost;
using Platform.AppHost.Infrastructure;

// The application model: what runs, what each service uses, and what it waits for.
var clock = Stopwatch.StartNew();
AppHostOptions options;
try
{
    options = AppHostOptions.Parse(args, Path.Combine(Directory.GetCurrentDirectory(), ".platform"));
}
catch (AppHostUsageException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
var publishing = options.Publisher is not null;
if (!publishing)
{
    if (options.Fresh && Directory.Exists(options.DataDirectory))
    {
        Directory.Delete(options.DataDirectory, recursive: true);
    }
    DataFiles.CreatePrivateDirectory(options.DataDirectory);
    File.Delete(EndpointsFile.PathIn(options.DataDirectory));
    LocalDashboard.Configure(options.DashboardPort);
}

var builder = DistributedApplication.CreateBuilder(options.AspireArguments());
var secrets = new SecretParameters(builder, publishing ? null : new ParameterStore(options.DataDirectory));

var infrastructure = PlatformInfrastructure.Add(builder, secrets, options, ContainerRuntime.IsHealthy);
var registryDb = infrastructure.Databases["registrydb"];
var vaultDb = infrastructure.Databases["vaultdb"];
var brokerDb = infrastructure.Databases["brokerdb"];
var auditDb = infrastructure.Databases["auditdb"];
var webhookDb = infrastructure.Databases["webhookdb"];
var eventbus = infrastructure.EventBus;

// The vault's master key (version 1; a rotation adds Vault__MasterKeys__2) and the platform operator's key.
var vaultMasterKey = secrets.Add("vault-master-key", 64);
var operatorKey = secrets.Add("platform-operator-key", 44);
// Keys the HMAC fingerprints of redacted secrets; shared by the edge and the audit writer so markers match.
var redactionKey = secrets.Add("redaction-fingerprint-key", 64);

var secretsVault = builder.AddService<Projects.SecretsVault>("secrets-vault", secrets)
    .WithEnvironment("Vault__MasterKeys__1", vaultMasterKey)
    .WithEnvironment("Vault__OperatorKey", operatorKey)
    .WithReference(vaultDb).WaitFor(vaultDb)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithHttpHealthCheck("/health");

var integrationRegistry = builder.AddService<Projects.IntegrationRegistry>("integration-registry", secrets)
    .WithEnvironment("Registry__OperatorKey", operatorKey)
    .WithReference(registryDb).WaitFor(registryDb)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithReference(secretsVault).WaitFor(secretsVault)
    .WithHttpHealthCheck("/health");

// The vault asks the registry for a tenant's slug (env and cloud references are bound to it) when a reference is
// created or resolved, never at start: no WaitFor, since the registry waits for the vault.
secretsVault.WithReference(integrationRegistry);

var oauthBroker = builder.AddService<Projects.OAuthBroker>("oauth-broker", secrets)
    .WithReplicas(2)
    .WithReference(brokerDb).WaitFor(brokerDb)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithReference(secretsVault).WaitFor(secretsVault)
    .WithReference(integrationRegistry).WaitFor(integrationRegistry)
    .WithHttpHealthCheck("/health");

// Tenant admins get connect links through the registry, which asks the broker for them when asked (no WaitFor:
// the broker waits for the registry).
integrationRegistry.WithReference(oauthBroker);

var mcpEdge = builder.AddService<Projects.McpEdge>("mcp-edge", secrets)
    .WithReplicas(2)
    .WithEnvironment("Redaction__FingerprintKey", redactionKey)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithReference(integrationRegistry).WaitFor(integrationRegistry)
    .WithReference(secretsVault).WaitFor(secretsVault)
    .WithReference(oauthBroker).WaitFor(oauthBroker)
    .WithHttpHealthCheck("/health");

var webhookIngress = builder.AddService<Projects.WebhookIngress>("webhook-ingress", secrets)
    .WithReference(webhookDb).WaitFor(webhookDb)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithReference(integrationRegistry).WaitFor(integrationRegistry)
    .WithReference(secretsVault).WaitFor(secretsVault)
    .WithHttpHealthCheck("/health");

// The edge reads Space events from webhook-ingress for the agents granted them (no WaitFor: a Space read is one
// request among many, and webhook-ingress starting later must not hold the edge back).
mcpEdge.WithReference(webhookIngress);

var auditWriter = builder.AddService<Projects.AuditWriter>("audit-writer", secrets)
    .WithEnvironment("Redaction__FingerprintKey", redactionKey)
    .WithReference(auditDb).WaitFor(auditDb)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithReference(integrationRegistry).WaitFor(integrationRegistry)
    .WithHttpHealthCheck("/health");

// The only resource reachable from outside; it never routes to the secrets vault.
var gateway = builder.AddService<Projects.Gateway>("gateway", secrets)
    .WithExternalHttpEndpoints()
    .WithReference(mcpEdge).WaitFor(mcpEdge)
    .WithReference(oauthBroker).WaitFor(oauthBroker)
    .WithReference(integrationRegistry).WaitFor(integrationRegistry)
    .WithReference(webhookIngress).WaitFor(webhookIngress)
    .WithReference(auditWriter).WaitFor(auditWriter)
    .WithHttpHealthCheck("/health");

ServiceAuthentication.AdmitReferencingCallers(builder);

if (!publishing)
{
    // What a deployment decides for itself, so the manifest carries none of it: the environment the services run
    // as, the edge's audit journal (records kept while the broker is unreachable; a deployment mounts a volume),
    // and which loopback, link-local or private addresses a local run may call (MCP servers, a Key Vault stand-in
    // on this machine; a deployment allows none).
    // Every service shares this machine's cores: idle thread-pool workers spinning for work took CPU the busy ones
    // needed (docs/benchmarks.md). A deployment on dedicated cores may leave spinning on.
    var spinLimit = Environment.GetEnvironmentVariable("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit") ?? "0";
    foreach (var service in builder.Resources.OfType<ProjectResource>())
    {
        builder.CreateResourceBuilder(service)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", options.Environment)
            .WithEnvironment("DOTNET_ENVIRONMENT", options.Environment)
            .WithEnvironment("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit", spinLimit);
    }
    mcpEdge.WithEnvironment("McpEdge__Audit__JournalDirectory", Path.Combine(options.DataDirectory, "mcp-edge-journal"));
    // Connect links and OAuth redirects name the gateway as people reach it; a deployment sets its public https URL.
    oauthBroker.WithEnvironment("OAuthBroker__PublicBaseUrl", gateway.GetEndpoint("http"));
    integrationRegistry.WithOutboundAllowList(options.OutboundAllowList);
    mcpEdge.WithOutboundAllowList(options.OutboundAllowList);
    secretsVault.WithOutboundAllowList(options.OutboundAllowList);
    oauthBroker.WithOutboundAllowList(options.OutboundAllowList);

    IResource[] services = [secretsVault.Resource, integrationRegistry.Resource, oauthBroker.Resource, mcpEdge.Resource, webhookIngress.Resource, auditWriter.Resource, gateway.Resource];
    builder.Services.AddSingleton(new ReadySettings(options.DataDirectory, clock,
        [.. infrastructure.Reported, .. services.Select(s => new ReportedResource(s, "project"))], operatorKey.Resource));
    builder.Services.AddHostedService<ReadyReport>();
}

try
{
    await builder.Build().RunAsync();
}
finally
{
    // ReadyReport removes it when the host stops; this covers a run that ends any other way (an exception, a stop
    // that outlasts the host's shutdown timeout), so the file never outlives the platform it describes.
    if (!publishing)
    {
        File.Delete(EndpointsFile.PathIn(options.DataDirectory));
    }
}
return 0;
