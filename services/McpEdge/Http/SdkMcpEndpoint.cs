using Microsoft.AspNetCore.Authorization;
using ModelContextProtocol.AspNetCore;
using Platform.IntegrationRegistry.Client.Authentication;
using Platform.McpEdge.Server;

namespace Platform.McpEdge.Http;

/// <summary>
/// For the endpoint measurement only: the same per-caller server behind the SDK's own stateless Streamable HTTP
/// endpoint (<c>MapMcp</c>) at <c>McpEdge:SdkEndpointPath</c>, agents authenticated through ASP.NET Core.
/// </summary>
public static class SdkMcpEndpoint
{
    public const string PathKey = "McpEdge:SdkEndpointPath";

    public static IHostApplicationBuilder AddSdkMcpEndpoint(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrEmpty(builder.Configuration[PathKey]))
        {
            return builder;
        }
        builder.Services.AddAuthorization();
        builder.Services.AddMcpServer().WithHttpTransport(transport =>
        {
            transport.Stateless = true;
            transport.ConfigureSessionOptions = (context, server, _) =>
            {
                var caller = EdgeCaller.FromPrincipal(context.User)
                    ?? throw new InvalidOperationException("The agent token scheme issued a principal without the caller's claims.");
                var bound = context.RequestServices.GetRequiredService<EdgeServerOptions>().Create(caller);
                server.ServerInfo = bound.ServerInfo;
                server.ServerInstructions = bound.ServerInstructions;
                server.ScopeRequests = bound.ScopeRequests;
                server.Handlers = bound.Handlers;
                server.Filters.Message.OutgoingFilters.Add(HonestCapabilities.Filter);
                return Task.CompletedTask;
            };
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapSdkMcpEndpoint(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[PathKey] is { Length: > 0 } path)
        {
            endpoints.MapMcp(path).RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = RegistryAuthenticationDefaults.AgentTokenScheme });
        }
        return endpoints;
    }
}
