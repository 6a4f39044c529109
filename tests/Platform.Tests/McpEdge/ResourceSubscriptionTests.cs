using ModelContextProtocol;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.McpEdge;

/// <summary>A stateless edge cannot send resource updates: subscribing is a method it does not have, and it says so.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ResourceSubscriptionTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task Subscribe_and_unsubscribe_are_method_not_found_and_not_advertised()
    {
        var world = await EdgeWorld.GetAsync(platform);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, world.AgentToken);

        var subscribe = await Assert.ThrowsAsync<McpProtocolException>(() => client.SubscribeToResourceAsync("alpha+memo://notes/1"));
        var unsubscribe = await Assert.ThrowsAsync<McpProtocolException>(() => client.UnsubscribeFromResourceAsync("alpha+memo://notes/1"));

        Assert.NotEqual(true, client.ServerCapabilities.Resources?.Subscribe);
        Assert.Equal(McpErrorCode.MethodNotFound, subscribe.ErrorCode);
        Assert.Equal(McpErrorCode.MethodNotFound, unsubscribe.ErrorCode);
        Assert.Contains("cannot send resource updates", subscribe.Message, StringComparison.Ordinal);
        // The resource itself still reads: only the subscription is refused.
        Assert.NotEmpty((await client.ReadResourceAsync("alpha+memo://notes/1")).Contents);
    }
}
