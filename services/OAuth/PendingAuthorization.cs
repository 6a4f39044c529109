namespace Platform.OAuth;

/// <summary>
/// An authorization that was started and waits for its callback: everything the token request needs, bound to what
/// started it (<see cref="Binding"/>: the person and install in the broker, the run in the probe).
/// </summary>
public sealed class PendingAuthorization
{
    public required string State { get; init; }

    public required string Binding { get; init; }

    public required string CodeVerifier { get; init; }

    public required Uri RedirectUri { get; init; }

    public required string? Scope { get; init; }

    public required OAuthSession Session { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public override string ToString() => $"PendingAuthorization {{ Binding = {Binding}, Scope = {Scope}, CreatedAt = {CreatedAt:O} }}";
}
