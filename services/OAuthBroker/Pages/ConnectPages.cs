using Platform.OAuth;
using Platform.OAuthBroker.Connect;

namespace Platform.OAuthBroker.Pages;

/// <summary>Every page of the connect flow, in words a person can act on.</summary>
public static class ConnectPages
{
    private const string CloseWindow = "You can close this window.";
    private const string AskAgain = "Ask your agent (or your administrator) for a new connect link, then open it.";

    /// <summary>A usable link: what it connects, for whom, and a button that goes on to the provider.</summary>
    public static PersonPage Start(string integration, string person, string action) => new(StatusCodes.Status200OK, $"Connect {integration}",
        [
            $"This connects {integration} for {person}. Your agents acting for {person} will use it with the access you approve.",
            $"Continue to sign in at {integration}'s provider and approve access there. This link works once.",
        ],
        new PageForm(action, $"Continue to {integration}"));

    public static PersonPage Link(ConnectLinkState state) => state switch
    {
        ConnectLinkState.Expired => new(StatusCodes.Status410Gone, "This connect link has expired", ["Connect links work for a short time only.", AskAgain]),
        ConnectLinkState.Used => new(StatusCodes.Status410Gone, "This connect link was already used",
            ["Each connect link works once, and this one has been opened before. If you did not finish connecting, you need a new link.", AskAgain]),
        _ => new(StatusCodes.Status404NotFound, "This connect link is not valid", ["The link is incomplete, was replaced by newer links for you, or was never issued. Check that you copied all of it.", AskAgain]),
    };

    /// <summary>Connected: the service, the platform person, and the provider account signed in with (named when the provider said which).</summary>
    public static PersonPage Connected(string integration, string person, string? account, string provider, string? scope) => new(StatusCodes.Status200OK, $"{integration} is connected",
        [
            $"{integration} is now connected for {person}.",
            account is { Length: > 0 } ? $"Connected account: {account} at {provider}." : $"Connected account: the one you signed in with at {provider}.",
            scope is { Length: > 0 } ? $"Access granted: {scope}." : "Access granted as the provider decided.",
            $"Your agent can use {integration}'s tools from its next request. {CloseWindow}",
        ]);

    /// <summary>The callback refused: the person declined, the provider failed, or the callback is not one we started.</summary>
    public static PersonPage Refused(OAuthException exception, string? providerError, string? providerDescription)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.Message.Contains("expired", StringComparison.Ordinal))
        {
            return new(StatusCodes.Status400BadRequest, "This sign-in took too long", ["The sign-in started too long ago to be completed. Nothing was connected.", AskAgain]);
        }
        if (exception.Message.EndsWith(Apis.AuthorizationsApi.OtherBrowser, StringComparison.Ordinal))
        {
            return new(StatusCodes.Status400BadRequest, "Finish in the browser you started in",
                [
                    "This sign-in was started in another browser (or the browser's cookies were cleared). For your safety it can only be finished in the browser where the connect link was opened. Nothing was connected.",
                    "Open the link again in one browser and finish there; if it was already used, ask for a new link.",
                ]);
        }
        if (exception.Message.Contains("unknown or was already used", StringComparison.Ordinal))
        {
            return new(StatusCodes.Status400BadRequest, "This sign-in cannot be completed",
                [
                    "This page was reached with a sign-in that was already completed or that this platform did not start. Nothing was connected.",
                    AskAgain,
                ]);
        }
        if (providerError == "access_denied")
        {
            return new(StatusCodes.Status400BadRequest, "Access was not approved",
                ["You declined (or the provider did not grant) the access. Nothing was connected.", $"To connect after all, {Lower(AskAgain)}"]);
        }
        if (providerError is { Length: > 0 })
        {
            var said = providerDescription is { Length: > 0 } ? $"The provider said: {providerDescription} ({providerError})." : $"The provider answered with the error {providerError}.";
            return new(StatusCodes.Status400BadRequest, "The provider could not complete the connection", [said, "Nothing was connected.", AskAgain]);
        }
        if (exception.Step == OAuthSteps.AuthorizationResponse)
        {
            return new(StatusCodes.Status400BadRequest, "This sign-in cannot be completed",
                [
                    "This page was reached with a sign-in whose details do not match what this platform started (for example a state or issuer mismatch). Nothing was connected.",
                    AskAgain,
                ]);
        }
        return Failed(exception.Step);
    }

    /// <summary>The provider or its discovery failed at a step (the step named, never its secrets).</summary>
    public static PersonPage Failed(string step) => new(StatusCodes.Status502BadGateway, "The provider could not be reached or answered wrongly",
        [$"Connecting failed while talking to the provider ({step}). Nothing was connected.", "Try again in a few minutes with a new link; if it keeps failing, tell your administrator."]);

    public static PersonPage Unavailable() => new(StatusCodes.Status503ServiceUnavailable, "Connecting is unavailable right now",
        ["A part of the platform needed to connect is not answering. Nothing was connected.", "Try again in a few minutes."]);

    public static PersonPage NotOAuth() => new(StatusCodes.Status404NotFound, "This integration cannot be connected here",
        ["The integration no longer signs in with OAuth, or it was removed. Nothing was connected.", "Ask your administrator."]);

    private static string Lower(string text) => char.ToLowerInvariant(text[0]) + text[1..];
}
