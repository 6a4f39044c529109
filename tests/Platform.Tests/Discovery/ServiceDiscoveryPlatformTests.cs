using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Discovery;

/// <summary>Service discovery as ServiceDefaults sets it up, configured the way the AppHost configures a service, against the real replicas.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ServiceDiscoveryPlatformTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task Service_discovery_resolves_both_mcp_edge_replicas()
    {
        var urls = platform.App.Endpoints["mcp-edge"].Urls;
        Assert.Equal(2, urls.Count);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(urls.Select((url, i) => new KeyValuePair<string, string?>($"services:mcp-edge:http:{i}", url)))
            .Build());
        services.AddServiceDiscovery();
        services.AddHttpClient("edge", c => c.BaseAddress = new Uri("https+http://mcp-edge")).AddServiceDiscovery();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("edge");

        var aboutInstances = new HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            var about = await client.GetFromJsonAsync<ServiceAbout>("/mcp/about");
            Assert.Equal("mcp-edge", about?.Service);
            aboutInstances.Add(about!.Instance);
        }
        var healthInstances = new HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            var health = await client.GetFromJsonAsync<JsonElement>("/health");
            healthInstances.Add(health.GetProperty("instance").GetString()!);
        }

        string[] replicas = [platform.InstanceId("mcp-edge", 0), platform.InstanceId("mcp-edge", 1)];
        Assert.Equal(replicas.Order(), aboutInstances.Order());
        Assert.Equal(replicas.Order(), healthInstances.Order());
    }
}
