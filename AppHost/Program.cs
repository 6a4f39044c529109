using Platform.AppHost;
using Platform.Hosting;

// The application model: what runs, what each service uses, and what it waits for.
var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var registryDb = postgres.AddDatabase("registrydb");
var vaultDb = postgres.AddDatabase("vaultdb");
var brokerDb = postgres.AddDatabase("brokerdb");
var auditDb = postgres.AddDatabase("auditdb");
var webhookDb = postgres.AddDatabase("webhookdb");

var eventbus = builder.AddRabbitMQ("eventbus");

// The vault's master key (version 1; a rotation adds Vault__MasterKeys__2) and the platform operator's key.
var vaultMasterKey = builder.AddParameter("vault-master-key", secret: true, generatedLength: 64);
var operatorKey = builder.AddParameter("platform-operator-key", secret: true, generatedLength: 44);
// Keys the HMAC fingerprints of redacted secrets; shared by the edge and the audit writer so markers match.
var redactionKey = builder.AddParameter("redaction-fingerprint-key", secret: true, generatedLength: 64);

var secretsVault = builder.AddProject<Projects.SecretsVault>("secrets-vault")
    .WithEnvironment("Vault__MasterKeys__1", vaultMasterKey)
    .WithEnvironment("Vault__OperatorKey", operatorKey)
    .WithReference(vaultDb).WaitFor(vaultDb)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithHttpHealthCheck("/health");

var integrationRegistry = builder.AddProject<Projects.IntegrationRegistry>("integration-registry")
    .WithEnvironment("Registry__OperatorKey", operatorKey)
    .WithReference(registryDb).WaitFor(registryDb)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithReference(secretsVault).WaitFor(secretsVault)
    .WithHttpHealthCheck("/health");

// The vault asks the registry for a tenant's slug (env and cloud references are bound to it) when a reference is
// created or resolved, never at start: no WaitFor, since the registry waits for the vault.
secretsVault.WithReference(integrationRegistry);

var oauthBroker = builder.AddProject<Projects.OAuthBroker>("oauth-broker")
    .WithReference(brokerDb).WaitFor(brokerDb)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithReference(secretsVault).WaitFor(secretsVault)
    .WithReference(integrationRegistry).WaitFor(integrationRegistry)
    .WithHttpHealthCheck("/health");

var mcpEdge = builder.AddProject<Projects.McpEdge>("mcp-edge")
    .WithReplicas(2)
    .WithEnvironment("Redaction__FingerprintKey", redactionKey)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithReference(integrationRegistry).WaitFor(integrationRegistry)
    .WithReference(secretsVault).WaitFor(secretsVault)
    .WithReference(oauthBroker).WaitFor(oauthBroker)
    .WithHttpHealthCheck("/health");

// The edge's audit journal (records kept while the broker is unreachable) lives in this run's data folder; a
// deployment mounts a volume instead, so the manifest does not carry this machine's path.
if (builder.Options.Publisher is null)
{
    mcpEdge.WithEnvironment("McpEdge__Audit__JournalDirectory", Path.Combine(builder.Options.DataDirectory, "mcp-edge-journal"));
}

// A local run may call MCP servers (and a Key Vault stand-in) on this machine (loopback unless --outbound-allow says
// otherwise); a deployment
// allows no loopback, link-local or private address, so the manifest carries no allow-list.
if (builder.Options.Publisher is null)
{
    integrationRegistry.WithOutboundAllowList(builder.Options.OutboundAllowList);
    mcpEdge.WithOutboundAllowList(builder.Options.OutboundAllowList);
    secretsVault.WithOutboundAllowList(builder.Options.OutboundAllowList);
    oauthBroker.WithOutboundAllowList(builder.Options.OutboundAllowList);
}

var webhookIngress = builder.AddProject<Projects.WebhookIngress>("webhook-ingress")
    .WithReference(webhookDb).WaitFor(webhookDb)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithReference(integrationRegistry).WaitFor(integrationRegistry)
    .WithReference(secretsVault).WaitFor(secretsVault)
    .WithHttpHealthCheck("/health");

var auditWriter = builder.AddProject<Projects.AuditWriter>("audit-writer")
    .WithEnvironment("Redaction__FingerprintKey", redactionKey)
    .WithReference(auditDb).WaitFor(auditDb)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithReference(integrationRegistry).WaitFor(integrationRegistry)
    .WithHttpHealthCheck("/health");

// The only resource reachable from outside; it never routes to the secrets vault.
builder.AddProject<Projects.Gateway>("gateway")
    .WithExternalHttpEndpoints()
    .WithReference(mcpEdge).WaitFor(mcpEdge)
    .WithReference(oauthBroker).WaitFor(oauthBroker)
    .WithReference(integrationRegistry).WaitFor(integrationRegistry)
    .WithReference(webhookIngress).WaitFor(webhookIngress)
    .WithReference(auditWriter).WaitFor(auditWriter)
    .WithHttpHealthCheck("/health");

// First start of a data folder: tenant 'dev' with an admin key and an agent token in dev-credentials.json.
builder.OnReady(DevBootstrap.RunAsync);

return await builder.Build().RunAsync();
