using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Tests.Discovery;

/// <summary>Service discovery (Microsoft.Extensions.ServiceDiscovery) configured as ServiceDefaults configures it.</summary>
public sealed class ServiceDiscoveryHandlerTests
{
    [Fact]
    public async Task A_client_with_service_discovery_sends_to_each_replica_in_turn()
    {
        var recorder = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["services:mcp-edge:http:0"] = "http://127.0.0.1:5000",
                ["services:mcp-edge:http:1"] = "http://127.0.0.1:5001",
            })
            .Build());
        services.AddServiceDiscovery();
        services.AddHttpClient("edge", c => c.BaseAddress = new Uri("http://mcp-edge"))
            .AddServiceDiscovery()
            .ConfigurePrimaryHttpMessageHandler(() => recorder);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("edge");

        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync("/mcp/about");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Round robin: whichever replica comes first, the two alternate.
        Assert.Equal(["http://127.0.0.1:5000/mcp/about", "http://127.0.0.1:5001/mcp/about"], recorder.Seen.Distinct().Order());
        Assert.All(Enumerable.Range(1, recorder.Seen.Count - 1), i => Assert.NotEqual(recorder.Seen[i - 1], recorder.Seen[i]));
    }

    /// <summary>The innermost handler: records where each request would have gone and answers 200.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<string> Seen { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add(request.RequestUri!.ToString());
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
