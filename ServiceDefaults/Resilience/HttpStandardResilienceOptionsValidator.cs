using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Resilience;

/// <summary>Rejects settings Polly would reject, and combinations that make a strategy useless, at start.</summary>
internal sealed class HttpStandardResilienceOptionsValidator : IValidateOptions<HttpStandardResilienceOptions>
{
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MinimumBreakerWindow = TimeSpan.FromMilliseconds(500);

    public ValidateOptionsResult Validate(string? name, HttpStandardResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.AttemptTimeout < MinimumTimeout || options.TotalRequestTimeout < MinimumTimeout)
        {
            failures.Add("Timeouts must be at least 10 ms.");
        }
        if (options.AttemptTimeout > options.TotalRequestTimeout)
        {
            failures.Add("AttemptTimeout must not exceed TotalRequestTimeout.");
        }
        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add("MaxRetryAttempts must be between 0 and 10.");
        }
        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            failures.Add("RetryBaseDelay must not be negative.");
        }
        if (options.CircuitBreakerFailureRatio is <= 0 or > 1)
        {
            failures.Add("CircuitBreakerFailureRatio must be greater than 0 and at most 1.");
        }
        if (options.CircuitBreakerMinimumThroughput < 2)
        {
            failures.Add("CircuitBreakerMinimumThroughput must be at least 2.");
        }
        if (options.CircuitBreakerSamplingDuration < MinimumBreakerWindow || options.CircuitBreakerBreakDuration < MinimumBreakerWindow)
        {
            failures.Add("CircuitBreakerSamplingDuration and CircuitBreakerBreakDuration must be at least 500 ms.");
        }
        if (options.CircuitBreakerSamplingDuration < 2 * options.AttemptTimeout)
        {
            failures.Add("CircuitBreakerSamplingDuration must be at least twice AttemptTimeout.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
