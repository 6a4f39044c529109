using System.Text.RegularExpressions;

namespace Platform.Redaction;

/// <summary>
/// Shapes of secrets found in free text. Each pattern marks what to hide with the group <c>secret</c> (or the whole
/// match), so surrounding words such as <c>Bearer</c> or <c>password=</c> stay readable. A value that already is
/// a redaction marker is never matched again, so redacting twice changes nothing.
/// </summary>
internal static partial class SecretPatterns
{
    /// <summary>In order: the PEM block and JWTs first, so later patterns cannot split them.</summary>
    public static readonly IReadOnlyList<Regex> All =
    [
        PemPrivateKey(), Jwt(), AuthorizationValue(), BearerToken(), UrlPassword(), VendorToken(), SecretAssignment(),
    ];

    /// <summary>A PEM private key, to its END line, or to the end of the text when it was cut off.</summary>
    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----(?:[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|[\s\S]*)")]
    internal static partial Regex PemPrivateKey();

    /// <summary>A JSON Web Token: base64url header (<c>eyJ</c> is <c>{"</c>), payload and an optional signature.</summary>
    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*")]
    internal static partial Regex Jwt();

    /// <summary>The credential of an <c>Authorization:</c> header written in text, after its scheme.</summary>
    [GeneratedRegex("""(?i)(?<![a-z0-9])(?:proxy-)?authorization["']?\s*[:=]\s*["']?(?:(?:bearer|basic|digest|token|negotiate|apikey)\s+)?(?<secret>(?!\[REDACTED:)[^\s"',;]+)""")]
    internal static partial Regex AuthorizationValue();

    /// <summary>
    /// <c>Bearer &lt;token&gt;</c> anywhere. The token needs a digit or 20 characters, so prose such as
    /// "bearer authentication" is left alone.
    /// </summary>
    [GeneratedRegex(@"(?i)(?<![a-z0-9])bearer\s+(?<secret>(?!\[REDACTED:)(?:(?=[a-z0-9\-._~+/]*[0-9])[a-z0-9\-._~+/]{8,}|[a-z0-9\-._~+/]{20,})=*)")]
    internal static partial Regex BearerToken();

    /// <summary>The password of <c>scheme://user:password@host</c> (the search starts at <c>://</c>, which is rare).</summary>
    [GeneratedRegex(@"://[^\s/:@]+:(?<secret>(?!\[REDACTED:)[^\s/@]+)@")]
    internal static partial Regex UrlPassword();

    /// <summary>Tokens whose prefix says what they are.</summary>
    [GeneratedRegex("""
        \b(?:
          gh[pousr]_[A-Za-z0-9]{20,}                 # GitHub classic tokens (ghp_, gho_, ghu_, ghs_, ghr_)
        | github_pat_[A-Za-z0-9_]{20,}               # GitHub fine-grained tokens
        | xox[a-z]-[A-Za-z0-9-]{10,}                 # Slack tokens (xoxb-, xoxp-, xoxa-, xoxr-, ...)
        | (?:AKIA|ASIA)[0-9A-Z]{16}\b                # AWS access key ids
        | (?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}   # Stripe secret and restricted keys
        | whsec_[A-Za-z0-9+/=_-]{10,}                # webhook signing secrets (Stripe, Svix)
        | sk-[A-Za-z0-9_-]{20,}                      # OpenAI and Anthropic API keys
        | AIza[0-9A-Za-z_-]{35}                      # Google API keys
        | npm_[A-Za-z0-9]{36}                        # npm tokens
        | glpat-[A-Za-z0-9_-]{20,}                   # GitLab personal access tokens
        | (?:adm|agt)_[A-Za-z0-9_-]{16,}             # this platform's admin keys and agent tokens
        )
        | (?<=hooks\.slack\.com/services/)(?<secret>[A-Za-z0-9/]{20,})   # Slack incoming-webhook path
        """, RegexOptions.IgnorePatternWhitespace)]
    internal static partial Regex VendorToken();

    /// <summary>
    /// <c>password=...</c>, <c>db_password: ...</c>, <c>"client_secret": "..."</c> and the like in text. The match
    /// starts at the keyword (any prefix such as <c>db_</c> is simply left before it), so the engine can search for
    /// the keywords instead of trying every position.
    /// </summary>
    [GeneratedRegex("""(?i)(?:password|passwd|pwd|passphrase|secret|token|api[_\-]?key|access[_\-]?key|private[_\-]?key|session[_\-]?id|cookie|credentials?)["']?\s*[:=]\s*["']?(?<secret>(?!\[REDACTED:)[^\s"'&;,<>]+)""")]
    internal static partial Regex SecretAssignment();
}
