using System.ComponentModel.DataAnnotations;

namespace Platform.OAuth;

/// <summary>Configuration section <c>OAuth</c>: the engine's limits and the name it registers under.</summary>
public sealed class OAuthEngineOptions
{
    public const string SectionName = "OAuth";

    /// <summary>How long one step (one HTTP exchange with a server) may take before it fails with its name.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a started authorization waits for its callback; a later callback is refused.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan StateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The <c>client_name</c> sent in dynamic registrations.</summary>
    [Required]
    public string ClientName { get; set; } = "Platform MCP gateway";

    /// <summary>The largest metadata, registration or token answer read, in bytes.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 512 * 1024;
}
