using System.ComponentModel.DataAnnotations;

namespace Platform.OAuthBroker.Revocation;

/// <summary>How the broker retries revoking a revoked credential's tokens at the authorization server (section <c>OAuthBroker:Revocation</c>).</summary>
public sealed class UpstreamRevocationOptions
{
    public const string SectionName = "OAuthBroker:Revocation";

    /// <summary>How often each replica looks for revocations whose next attempt is due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The delay after the first failed attempt; it doubles with every further failure ...</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>... up to this. Attempts go on until the registry's hold on the tokens ends and the vault destroys them.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 50;
}
