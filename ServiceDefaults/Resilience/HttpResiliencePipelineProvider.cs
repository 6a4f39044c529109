using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Platform.ServiceDefaults.Resilience;

/// <summary>
/// One pipeline (total timeout, retry, circuit breaker, attempt timeout) per destination authority, so a
/// failing service opens only its own circuit. Handlers come and go with the client factory; pipelines stay.
/// </summary>
public sealed partial class HttpResiliencePipelineProvider(IOptions<HttpStandardResilienceOptions> options, ILogger<HttpResiliencePipelineProvider> logger)
{
    /// <summary>Where the pipeline finds the request it is running, to decide whether retrying is safe.</summary>
    public static readonly ResiliencePropertyKey<HttpRequestMessage> RequestProperty = new("Platform.Http.Request");

    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> pipelines = new(StringComparer.OrdinalIgnoreCase);

    public ResiliencePipeline<HttpResponseMessage> GetPipeline(Uri? requestUri)
    {
        var key = requestUri is { IsAbsoluteUri: true } ? requestUri.Authority : string.Empty;
        return pipelines.GetOrAdd(key, Build);
    }

    /// <summary>5xx, 408, 429, connection failures and attempt timeouts; never the caller's own cancellation.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        HttpRequestException or TimeoutRejectedException => true,
        null => outcome.Result is { } response
            && ((int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests),
        _ => false,
    };

    /// <summary>Methods a server must treat as idempotent (RFC 9110), and so safe to send again.</summary>
    public static bool IsIdempotent(HttpMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
            || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace;
    }

    private ResiliencePipeline<HttpResponseMessage> Build(string authority)
    {
        var settings = options.Value;
        return new ResiliencePipelineBuilder<HttpResponseMessage> { Name = $"http-standard:{authority}" }
            .AddTimeout(settings.TotalRequestTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(settings.MaxRetryAttempts, 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    settings.MaxRetryAttempts > 0
                    && args.Context.Properties.TryGetValue(RequestProperty, out var request)
                    && IsIdempotent(request.Method)
                    && IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.Headers.RetryAfter?.Delta is { } delay && delay <= settings.TotalRequestTimeout
                    ? delay
                    : (TimeSpan?)null),
                OnRetry = args =>
                {
                    LogRetry(logger, authority, args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = settings.CircuitBreakerFailureRatio,
                MinimumThroughput = settings.CircuitBreakerMinimumThroughput,
                SamplingDuration = settings.CircuitBreakerSamplingDuration,
                BreakDuration = settings.CircuitBreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                OnOpened = args =>
                {
                    LogCircuitOpened(logger, authority, args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(settings.AttemptTimeout)
            .Build();
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception ? exception.GetType().Name : $"HTTP {(int?)outcome.Result?.StatusCode}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retrying request to {Authority} (attempt {Attempt}) after {Outcome}; waiting {Delay}")]
    private static partial void LogRetry(ILogger logger, string authority, int attempt, string outcome, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit to {Authority} opened for {BreakDuration}")]
    private static partial void LogCircuitOpened(ILogger logger, string authority, TimeSpan breakDuration);
}
