using System.Text.Json;
using ModelContextProtocol.Protocol;
using Platform.McpEdge.Upstream;
using Platform.Redaction;

namespace Platform.McpEdge.Tests;

public sealed class CredentialEchoesTests
{
    private const string Key = "sk_live_0123456789abcdef";

    private static readonly CredentialEchoes Echoes = new(new SecretRedactor(new string('k', 64)));

    private static readonly UpstreamCredential Credential =
        new(Guid.NewGuid(), new Dictionary<string, string> { ["Authorization"] = $"Bearer {Key}" }, [Key, $"Bearer {Key}"], "f");

    [Fact]
    public void Text_quoting_the_credential_gets_a_marker_instead()
    {
        var scrubbed = Echoes.Scrub($"401: key Bearer {Key} is invalid (expected {Key[..4]}...)", Credential);

        Assert.DoesNotContain(Key, scrubbed, StringComparison.Ordinal);
        Assert.StartsWith("401: key [REDACTED:", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_are_scrubbed_in_text_structured_content_and_property_names()
    {
        var result = new CallToolResult
        {
            Content = [new TextContentBlock { Text = $"you sent {Key}" }, new TextContentBlock { Text = "nothing here" }],
            StructuredContent = JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["sent"] = new[] { Key }, [Key] = 1 }),
            IsError = true,
        };

        var scrubbed = Echoes.Scrub(result, Credential);

        var json = JsonSerializer.Serialize(scrubbed);
        Assert.DoesNotContain(Key, json, StringComparison.Ordinal);
        Assert.Equal("nothing here", Assert.IsType<TextContentBlock>(scrubbed.Content[1]).Text);
        Assert.True(scrubbed.IsError);
    }

    [Fact]
    public void Answers_without_the_credential_are_passed_on_as_they_are()
    {
        var result = new CallToolResult { Content = [new TextContentBlock { Text = "sk_live_other_token_is_data" }] };

        Assert.Same(result, Echoes.Scrub(result, Credential));
        Assert.Same(result, Echoes.Scrub(result, UpstreamCredential.None));
    }
}
