using Platform.McpEdge.Catalog;

namespace Platform.McpEdge.Tests;

public sealed class NamespacedNamesTests
{
    [Theory]
    [InlineData("alpha", "echo", "alpha__echo")]
    [InlineData("my-tickets", "search.v2", "my-tickets__search.v2")]
    [InlineData("alpha", "_private", "alpha___private")]
    [InlineData("agent.helper", "summarize", "agent.helper__summarize")]
    public void Valid_names_are_prefixed_unchanged(string ns, string tool, string expected) =>
        Assert.Equal(expected, NamespacedNames.ToolName(ns, tool));

    [Theory]
    [InlineData("get weather")]
    [InlineData("files/read")]
    [InlineData("émoji✓")]
    [InlineData("")]
    public void Invalid_names_become_valid_and_stay_distinct(string tool)
    {
        var name = NamespacedNames.ToolName("alpha", tool);

        Assert.True(NamespacedNames.IsValidToolName(name), name);
        Assert.StartsWith("alpha__", name, StringComparison.Ordinal);
        Assert.NotEqual(name, NamespacedNames.ToolName("alpha", tool + "x"));
    }

    [Fact]
    public void Long_names_are_shortened_to_128_characters_and_stay_distinct()
    {
        var first = NamespacedNames.ToolName("alpha", new string('a', 200) + "1");
        var second = NamespacedNames.ToolName("alpha", new string('a', 200) + "2");

        Assert.Equal(128, first.Length);
        Assert.True(NamespacedNames.IsValidToolName(first));
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("alpha__echo", "alpha")]
    [InlineData("alpha___private", "alpha")]
    [InlineData("agent.helper__x__y", "agent.helper")]
    [InlineData("echo", null)]
    [InlineData("__echo", null)]
    public void The_namespace_is_everything_before_the_first_separator(string name, string? ns) =>
        Assert.Equal(ns, NamespacedNames.NamespaceOfName(name));

    [Theory]
    [InlineData("alpha+memo://notes/1", true, "alpha", "memo://notes/1")]
    [InlineData("alpha+https://x.example/a+b", true, "alpha", "https://x.example/a+b")]
    [InlineData("memo://notes/1", false, "", "")]
    [InlineData("alpha+", false, "", "")]
    [InlineData("al_pha+memo://x", false, "", "")]
    public void Uris_split_at_the_first_plus_after_a_valid_namespace(string uri, bool ok, string ns, string upstream)
    {
        Assert.Equal(ok, NamespacedNames.TrySplitUri(uri, out var actualNs, out var actualUpstream));
        Assert.Equal(ns, actualNs);
        Assert.Equal(upstream, actualUpstream);
    }

    [Theory]
    [InlineData("alpha", true)]
    [InlineData("agent.helper", true)]
    [InlineData("a_b", false)]
    [InlineData("a+b", false)]
    [InlineData("-a", false)]
    [InlineData("", false)]
    public void Namespaces_never_contain_a_separator(string ns, bool valid) =>
        Assert.Equal(valid, NamespacedNames.IsValidNamespace(ns));
}
