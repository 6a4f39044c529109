using System.Text.RegularExpressions;

namespace Platform.WebhookIngress.Routes;

/// <summary>The bounds the admin API enforces (the database checks the same ones).</summary>
public static partial class RouteLimits
{
    public const int DefaultMaxPayloadBytes = 256 * 1024;
    public const int MaxPayloadBytes = 1024 * 1024;
    public const int DefaultTimestampToleranceSeconds = 300;
    public const int MaxTimestampToleranceSeconds = 3600;
    public const int MaxAttributionLength = 200;

    /// <summary>Lower-case letters, digits and inner hyphens, 1 to 64 characters.</summary>
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    public static partial Regex Slug();
}
