using System.Buffers.Text;
using System.Text;

namespace Platform.OAuth.Tests;

public sealed class IdTokenAccountTests
{
    [Theory]
    [InlineData("""{"sub":"u1","email":"ann@example.com","name":"Ann"}""", "ann@example.com")]
    [InlineData("""{"sub":"u1","preferred_username":"ann","name":"Ann"}""", "ann")]
    [InlineData("""{"sub":"u1","name":"Ann"}""", "Ann")]
    [InlineData("""{"sub":"u1"}""", "u1")]
    [InlineData("""{"sub":"u1","email":""}""", "u1")]
    [InlineData("""{"email":42}""", null)]
    [InlineData("""["not","an","object"]""", null)]
    public void The_most_recognisable_claim_names_the_account(string payload, string? expected) =>
        Assert.Equal(expected, IdTokenAccount.Name(Jwt(payload)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("opaque-token")]
    [InlineData("a..c")]
    [InlineData("a.!!!.c")]
    [InlineData("a.bm90IGpzb24.c")]
    public void A_missing_or_unreadable_id_token_names_no_account(string? idToken) => Assert.Null(IdTokenAccount.Name(idToken));

    [Fact]
    public void Openid_and_offline_access_are_added_only_where_the_server_lists_them()
    {
        Assert.Equal("tools:read offline_access openid", ScopeSelection.WithPlatformScopes("tools:read", ["tools:read", "offline_access", "openid"]));
        Assert.Equal("tools:read openid", ScopeSelection.WithPlatformScopes("tools:read", ["openid"]));
        Assert.Equal("tools:read", ScopeSelection.WithPlatformScopes("tools:read", ["tools:read"]));
        Assert.Equal("tools:read", ScopeSelection.WithPlatformScopes("tools:read", null));
    }

    private static string Jwt(string payload) =>
        $"eyJhbGciOiJub25lIn0.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.sig";
}
