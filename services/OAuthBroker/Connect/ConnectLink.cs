using Platform.OAuthBroker.Engine;

namespace Platform.OAuthBroker.Connect;

/// <summary>A stored connect link: whom and what it connects, the scopes it asks for (null: the install's), and its lifetime.</summary>
public sealed record ConnectLink(AuthorizationBinding Binding, string? Scope, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt);

/// <summary>A link just made: the URL for the person (it holds the only copy of the token) and when it lapses.</summary>
public sealed record CreatedConnectLink(Uri Url, DateTimeOffset ExpiresAt);

/// <summary>What a visit finds behind a link's token.</summary>
public enum ConnectLinkState
{
    Usable,
    Unknown,
    Expired,
    Used,
}
