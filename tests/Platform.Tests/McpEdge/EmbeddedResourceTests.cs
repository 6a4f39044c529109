using ModelContextProtocol.Protocol;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.McpEdge;

/// <summary>Every resource URI an agent receives, embedded or linked, in tool results and prompts, reads back through the gateway.</summary>
[Collection(PlatformCollection.Name)]
public sealed class EmbeddedResourceTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task Embedded_resources_in_tool_results_are_namespaced_and_read_back()
    {
        var world = await EdgeWorld.GetAsync(platform);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, world.AgentToken);

        var result = await client.CallToolAsync("alpha__resource");

        var embedded = Assert.IsType<TextResourceContents>(Assert.IsType<EmbeddedResourceBlock>(result.Content[0]).Resource);
        Assert.Equal("alpha+memo://notes/1", embedded.Uri);
        Assert.Equal("alpha+memo://notes/1", Assert.IsType<ResourceLinkBlock>(result.Content[1]).Uri);
        Assert.Equal(embedded.Text, await ReadTextAsync(client, embedded.Uri));
    }

    [Fact]
    public async Task Embedded_resources_and_links_in_prompt_messages_are_namespaced_and_read_back()
    {
        var world = await EdgeWorld.GetAsync(platform);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, world.AgentToken);

        var prompt = await client.GetPromptAsync("alpha__with_note");

        var embedded = Assert.IsType<TextResourceContents>(Assert.IsType<EmbeddedResourceBlock>(prompt.Messages[0].Content).Resource);
        var link = Assert.IsType<ResourceLinkBlock>(prompt.Messages[1].Content);
        Assert.Equal("alpha+memo://notes/1", embedded.Uri);
        Assert.Equal("alpha+memo://notes/7", link.Uri);
        Assert.Equal("first note", await ReadTextAsync(client, embedded.Uri));
        Assert.Equal("note 7", await ReadTextAsync(client, link.Uri));
    }

    private static async Task<string> ReadTextAsync(ModelContextProtocol.Client.McpClient client, string uri)
    {
        var read = await client.ReadResourceAsync(uri);
        var contents = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents));
        Assert.Equal(uri, contents.Uri);
        return contents.Text;
    }
}
