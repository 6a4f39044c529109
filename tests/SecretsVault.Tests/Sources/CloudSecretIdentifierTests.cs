using Platform.SecretsVault.Sources;

namespace Platform.SecretsVault.Tests.Sources;

public sealed class CloudSecretIdentifierTests
{
    [Theory]
    [InlineData("https://contoso.vault.azure.net/secrets/slack-token", "contoso.vault.azure.net", "slack-token", null)]
    [InlineData("https://Contoso.Vault.Azure.Net/secrets/slack-token/", "contoso.vault.azure.net", "slack-token", null)]
    [InlineData("https://contoso.vault.azure.net/secrets/Api-Key-2/0123456789ABCDEF0123456789abcdef", "contoso.vault.azure.net", "Api-Key-2", "0123456789abcdef0123456789abcdef")]
    [InlineData("https://contoso.vault.azure.net:443/secrets/k", "contoso.vault.azure.net", "k", null)]
    public void Valid_identifiers_parse_to_host_name_and_version(string text, string host, string name, string? version)
    {
        Assert.True(CloudSecretIdentifier.TryParse(text, out var identifier, out var error), error);
        Assert.Equal(host, identifier.Host);
        Assert.Equal(name, identifier.Name);
        Assert.Equal(version, identifier.Version);
    }

    [Fact]
    public void The_canonical_form_is_what_the_database_stores()
    {
        Assert.True(CloudSecretIdentifier.TryParse("https://Contoso.vault.azure.net/secrets/k/0123456789ABCDEF0123456789ABCDEF", out var identifier, out _));
        Assert.Equal("https://contoso.vault.azure.net/secrets/k/0123456789abcdef0123456789abcdef", identifier.Canonical);
    }

    [Theory]
    [InlineData("http://contoso.vault.azure.net/secrets/k")]
    [InlineData("https://contoso.vault.azure.net:8443/secrets/k")]
    [InlineData("https://user:pass@contoso.vault.azure.net/secrets/k")]
    [InlineData("https://contoso.vault.azure.net/secrets/k?api-version=7.4")]
    [InlineData("https://contoso.vault.azure.net/secrets/k#frag")]
    [InlineData("https://contoso.vault.azure.net/keys/k")]
    [InlineData("https://contoso.vault.azure.net/secrets")]
    [InlineData("https://contoso.vault.azure.net/secrets/k/not-a-version")]
    [InlineData("https://contoso.vault.azure.net/secrets/k/0123456789abcdef0123456789abcdef/extra")]
    [InlineData("https://contoso.vault.azure.net/secrets/under_score")]
    [InlineData("https://contoso.vault.azure.net/secrets/%2e%2e")]
    [InlineData("https://127.0.0.1/secrets/k")]
    [InlineData("https://localhost/secrets/k")]
    [InlineData("contoso.vault.azure.net/secrets/k")]
    [InlineData("/secrets/k")]
    [InlineData("")]
    public void Other_shapes_are_refused_without_repeating_the_input(string text)
    {
        Assert.False(CloudSecretIdentifier.TryParse(text, out _, out var error));
        if (text.Length > 0)
        {
            Assert.DoesNotContain(text, error, StringComparison.Ordinal);
        }
    }
}
