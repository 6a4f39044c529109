namespace Platform.WebhookIngress.Verification;

/// <summary>Every verification scheme, by name.</summary>
public sealed class WebhookVerifiers
{
    private readonly Dictionary<string, IWebhookVerifier> _byScheme;

    public WebhookVerifiers(IEnumerable<IWebhookVerifier> verifiers)
    {
        ArgumentNullException.ThrowIfNull(verifiers);
        _byScheme = verifiers.ToDictionary(verifier => verifier.Scheme, StringComparer.Ordinal);
    }

    /// <summary>All five schemes of <see cref="WebhookSchemes"/>.</summary>
    public static WebhookVerifiers CreateDefault() => new(
    [
        new StandardWebhooksVerifier(),
        new GitHubVerifier(),
        new SlackVerifier(),
        new StripeVerifier(),
        new SharedSecretHmacVerifier(),
    ]);

    public bool TryGet(string scheme, out IWebhookVerifier verifier) => _byScheme.TryGetValue(scheme, out verifier!);

    public IWebhookVerifier Get(string scheme) =>
        TryGet(scheme, out var verifier) ? verifier : throw new KeyNotFoundException($"No verifier for scheme '{scheme}'.");
}
