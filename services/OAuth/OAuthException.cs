namespace Platform.OAuth;

/// <summary>
/// The one error the engine raises: which step failed (<see cref="OAuthSteps"/>) and why, in words an operator can
/// act on ("authorization server metadata: https://as.example/.well-known/oauth-authorization-server answered 404").
/// Messages name URLs, status codes and the server's error codes, never a token, secret, code or verifier.
/// </summary>
public sealed class OAuthException(string step, string detail, Exception? innerException = null)
    : Exception($"{step}: {detail}", innerException)
{
    public string Step { get; } = step;

    /// <summary>The server's OAuth <c>error</c> code when it answered one (<c>invalid_grant</c>, <c>invalid_client</c>, ...).</summary>
    public string? Error { get; init; }
}
