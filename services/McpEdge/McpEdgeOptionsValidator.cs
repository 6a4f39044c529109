using Microsoft.Extensions.Options;

namespace Platform.McpEdge;

/// <summary>Rejects settings that would make the edge refuse everything or never refresh, at start.</summary>
public sealed class McpEdgeOptionsValidator : IValidateOptions<McpEdgeOptions>
{
    public ValidateOptionsResult Validate(string? name, McpEdgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes < 1024)
        {
            failures.Add("MaxRequestBodyBytes must be at least 1024.");
        }
        if (options.MaxBatchMessages is < 1 or > 1_000)
        {
            failures.Add("MaxBatchMessages must be between 1 and 1000.");
        }
        if (options.MaxUpstreamResponseBytes < 64 * 1024)
        {
            failures.Add("MaxUpstreamResponseBytes must be at least 65536.");
        }
        if (options.MaxListedPerInstall < 1)
        {
            failures.Add("MaxListedPerInstall must be at least 1.");
        }
        if (options.PageSize is < 1 or > 10_000)
        {
            failures.Add("PageSize must be between 1 and 10000.");
        }
        if (options.MaxConcurrentCallsPerUpstream < 1)
        {
            failures.Add("MaxConcurrentCallsPerUpstream must be at least 1.");
        }
        if (options.CatalogTtl <= TimeSpan.Zero || options.UnavailableTtl <= TimeSpan.Zero || options.InstallsTtl <= TimeSpan.Zero
            || options.CredentialTtl <= TimeSpan.Zero || options.ListTimeout <= TimeSpan.Zero || options.UpstreamIdleTimeout <= TimeSpan.Zero || options.AgentCallTimeout <= TimeSpan.Zero
            || options.StreamAfter <= TimeSpan.Zero)
        {
            failures.Add("Every duration must be positive.");
        }
        foreach (var origin in options.AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || origin.EndsWith('/'))
            {
                failures.Add($"AllowedOrigins entry '{origin}' must be scheme://host[:port] without a path.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
