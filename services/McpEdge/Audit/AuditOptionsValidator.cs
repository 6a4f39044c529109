using Microsoft.Extensions.Options;

namespace Platform.McpEdge.Audit;

/// <summary>Rejects audit settings that could not work (or could never fill a message), at start.</summary>
public sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public const int MaxCallsPerMessageLimit = 1_000;

    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.QueueCapacity is < 1 or > 1_000_000)
        {
            failures.Add("QueueCapacity must be between 1 and 1000000.");
        }
        if (options.MaxCallsPerMessage is < 1 or > MaxCallsPerMessageLimit)
        {
            failures.Add($"MaxCallsPerMessage must be between 1 and {MaxCallsPerMessageLimit}.");
        }
        if (options.BatchSize is < 1 or > 100_000)
        {
            failures.Add("BatchSize must be between 1 and 100000.");
        }
        else if (options.BatchSize < options.MaxCallsPerMessage)
        {
            failures.Add("BatchSize (records per round) must be at least MaxCallsPerMessage, or no message could ever be full.");
        }
        if (options.PublishTimeout <= TimeSpan.Zero || options.RetryInterval <= TimeSpan.Zero)
        {
            failures.Add("PublishTimeout and RetryInterval must be positive.");
        }
        if (options.PublishDelay < TimeSpan.Zero || options.PublishDelay > TimeSpan.FromSeconds(1))
        {
            failures.Add("PublishDelay must be between 0 and 1 second.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
