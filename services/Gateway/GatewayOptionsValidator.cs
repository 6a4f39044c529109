using System.Net;
using Microsoft.Extensions.Options;

namespace Platform.Gateway;

/// <summary>Fails the start on limits that would make the gateway useless or unsafe.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxRequestBodySize <= 0)
        {
            failures.Add("Gateway:MaxRequestBodySize must be positive.");
        }
        if (options.HealthCheckInterval < TimeSpan.FromSeconds(1) || options.HealthCheckTimeout <= TimeSpan.Zero)
        {
            failures.Add("Gateway:HealthCheckInterval must be at least 1 second and Gateway:HealthCheckTimeout positive.");
        }
        if (options.HealthCheckTimeout > options.HealthCheckInterval)
        {
            failures.Add("Gateway:HealthCheckTimeout must not exceed Gateway:HealthCheckInterval.");
        }
        if (options.McpRateLimit.PermitsPerSecond < 1 || options.McpRateLimit.Burst < 1)
        {
            failures.Add("Gateway:McpRateLimit:PermitsPerSecond and Gateway:McpRateLimit:Burst must be at least 1.");
        }
        if (options.McpRateLimit.UnauthenticatedPermitsPerSecond < 1 || options.McpRateLimit.UnauthenticatedBurst < 1)
        {
            failures.Add("Gateway:McpRateLimit:UnauthenticatedPermitsPerSecond and Gateway:McpRateLimit:UnauthenticatedBurst must be at least 1.");
        }
        foreach (var proxy in options.TrustedProxies.Where(proxy => !IPAddress.TryParse(proxy, out _)))
        {
            failures.Add($"Gateway:TrustedProxies entry '{proxy}' is not an IP address.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
