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

var secretsVault = builder.AddProject<Projects.SecretsVault>("secrets-vault")
    .WithEnvironment("Vault__MasterKeys__1", vaultMasterKey)
    .WithReference(vaultDb).WaitFor(vaultDb)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithHttpHealthCheck("/health");

var integrationRegistry = builder.AddProject<Projects.IntegrationRegistry>("integration-registry")
    .WithEnvironment("Registry__OperatorKey", operatorKey)
    .WithReference(registryDb).WaitFor(registryDb)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithReference(secretsVault).WaitFor(secretsVault)
    .WithHttpHealthCheck("/health");

var oauthBroker = builder.AddProject<Projects.OAuthBroker>("oauth-broker")
    .WithReference(brokerDb).WaitFor(brokerDb)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithReference(secretsVault).WaitFor(secretsVault)
    .WithReference(integrationRegistry).WaitFor(integrationRegistry)
    .WithHttpHealthCheck("/health");

var mcpEdge = builder.AddProject<Projects.McpEdge>("mcp-edge")
    .WithReplicas(2)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithReference(integrationRegistry).WaitFor(integrationRegistry)
    .WithReference(secretsVault).WaitFor(secretsVault)
    .WithReference(oauthBroker).WaitFor(oauthBroker)
    .WithHttpHealthCheck("/health");

var webhookIngress = builder.AddProject<Projects.WebhookIngress>("webhook-ingress")
    .WithReference(webhookDb).WaitFor(webhookDb)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithReference(integrationRegistry).WaitFor(integrationRegistry)
    .WithReference(secretsVault).WaitFor(secretsVault)
    .WithHttpHealthCheck("/health");

var auditWriter = builder.AddProject<Projects.AuditWriter>("audit-writer")
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

return await builder.Build().RunAsync();
