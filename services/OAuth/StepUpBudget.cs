namespace Platform.OAuth;

/// <summary>
/// Step-up for one operation: each 403 <c>insufficient_scope</c> asks for the union of the scopes held and those
/// the server names, at most <see cref="MaxAttempts"/> times, so a server that keeps asking cannot loop a client.
/// </summary>
public sealed class StepUpBudget
{
    public const int MaxAttempts = 3;

    public int Attempts { get; private set; }

    /// <summary>The scope to authorize with next, or an <see cref="OAuthException"/> once the budget is spent.</summary>
    public string? Next(string? currentScope, WwwAuthenticateChallenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (!challenge.IsInsufficientScope)
        {
            throw new OAuthException(OAuthSteps.StepUp, $"the server refused the token with error \"{challenge.Error}\", not insufficient_scope.");
        }
        if (Attempts >= MaxAttempts)
        {
            throw new OAuthException(OAuthSteps.StepUp,
                $"the server still answered 403 insufficient_scope after {MaxAttempts} step-up authorizations (last asked for \"{challenge.Scope}\").");
        }
        Attempts++;
        return ScopeSelection.Union(currentScope, challenge.Scope);
    }
}
