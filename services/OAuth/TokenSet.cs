namespace Platform.OAuth;

/// <summary>What a token endpoint granted. ToString names the scope and expiry, never a token.</summary>
public sealed class TokenSet
{
    public required string AccessToken { get; init; }

    public string? RefreshToken { get; init; }

    public required string TokenType { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The granted scope: the answer's <c>scope</c>, else the one requested (RFC 6749 section 5.1).</summary>
    public string? Scope { get; init; }

    /// <summary>The provider account the answer's ID token names (<see cref="IdTokenAccount"/>); null without one. Shown to the person, never logged.</summary>
    public string? Account { get; init; }

    public override string ToString() =>
        $"TokenSet {{ TokenType = {TokenType}, Scope = {Scope}, ExpiresAt = {ExpiresAt:O}, HasRefreshToken = {RefreshToken is not null} }}";
}
