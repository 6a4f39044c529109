using Microsoft.AspNetCore.Authorization;
using Platform.AuditWriter.Apis;
using Platform.AuditWriter.Queries;
using Platform.IntegrationRegistry.Client.Authentication;

namespace Platform.AuditWriter;

/// <summary>The HTTP side: registry-backed authentication, the two policies, the queries and the OpenAPI document.</summary>
public static class QueryApiExtensions
{
    /// <summary>Served as <c>/api/audit/openapi/v1.json</c>, so the gateway's audit route reaches it.</summary>
    public const string OpenApiPattern = "/api/audit/openapi/{documentName}.json";

    public static IHostApplicationBuilder AddQueryApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAuthentication()
            .AddAdminKey()
            .AddAgentToken();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AuditPolicies.TenantAdmin, Policy(RegistryAuthenticationDefaults.AdminKeyScheme, RegistryClaimTypes.TenantId))
            .AddPolicy(AuditPolicies.Agent, Policy(RegistryAuthenticationDefaults.AgentTokenScheme, RegistryClaimTypes.TenantId, RegistryClaimTypes.AgentId));
        builder.Services.AddSingleton<ToolCallQueries>();
        builder.Services.AddSingleton<ModelCallQueries>();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapAuditApis(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapToolCallsApi();
        app.MapUsageApi();
        app.MapOpenApi(OpenApiPattern);
        return app;
    }

    private static AuthorizationPolicy Policy(string scheme, params string[] claims)
    {
        var policy = new AuthorizationPolicyBuilder(scheme).RequireAuthenticatedUser();
        foreach (var claim in claims)
        {
            policy.RequireClaim(claim);
        }
        return policy.Build();
    }
}
