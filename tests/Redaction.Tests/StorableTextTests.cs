namespace Platform.Redaction.Tests;

public sealed class StorableTextTests
{
    // Built in code: test-case serialization would itself replace unpaired surrogates in attribute data.
    public static TheoryData<string, string, bool> Texts => new()
    {
        { "plain", "plain", false },
        { "a\u0000b", "a\uFFFDb", true },
        { "x\uD800y", "x\uFFFDy", true },
        { "x\uDC00", "x\uFFFD", true },
        { "\uDC00\uD800", "\uFFFD\uFFFD", true },
        { "pair \uD83D\uDE00 kept", "pair \uD83D\uDE00 kept", false },
        { "", "", false },
    };

    [Theory]
    [MemberData(nameof(Texts), DisableDiscoveryEnumeration = true)]
    public void Nul_and_unpaired_surrogates_become_the_replacement_character(string input, string expected, bool altered)
    {
        Assert.Equal(expected, StorableText.From(input, out var wasAltered));
        Assert.Equal(altered, wasAltered);
    }

    [Fact]
    public void Text_over_the_limit_keeps_its_start_and_ends_with_the_marker()
    {
        var result = StorableText.From(new string('t', 300), 256, out var altered);

        Assert.True(altered);
        Assert.Equal(256, result.Length);
        Assert.Equal(new string('t', 256 - StorableText.TruncationMarker.Length) + StorableText.TruncationMarker, result);
    }

    [Fact]
    public void Truncation_never_splits_a_surrogate_pair()
    {
        var keep = 20 - StorableText.TruncationMarker.Length;
        var input = new string('a', keep - 1) + "\uD83D\uDE00" + new string('b', 20);

        var result = StorableText.From(input, 20, out _);

        Assert.Equal(new string('a', keep - 1) + StorableText.TruncationMarker, result);
    }

    [Fact]
    public void Text_at_the_limit_is_unchanged()
    {
        Assert.Equal(new string('t', 256), StorableText.From(new string('t', 256), 256, out var altered));
        Assert.False(altered);
    }
}
