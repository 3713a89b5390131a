using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Fever.Sync.Provider;

/// <summary>
/// The resilience pipeline around one request to the provider, outermost first: total timeout → retry
/// (exponential backoff with jitter, honouring Retry-After) → circuit breaker → per-attempt timeout.
/// A singleton, so the circuit's state outlives a run.
/// </summary>
public sealed partial class ProviderResilience
{
    public ProviderResilience(IOptions<ProviderOptions> options, ILogger<ProviderResilience> logger, TimeProvider timeProvider)
    {
        var o = options.Value;
        _logger = logger;
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddTimeout(o.TotalTimeout);
        if (o.MaxRetries > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                MaxDelay = o.RetryMaxDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome, o.RetryMaxDelay)),
                OnRetry = args =>
                {
                    LogRetry(args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay.TotalSeconds);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }
        Pipeline = pipeline
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                FailureRatio = o.CircuitFailureRatio,
                MinimumThroughput = o.CircuitMinimumThroughput,
                SamplingDuration = o.CircuitSamplingDuration,
                BreakDuration = o.CircuitBreakDuration,
                OnOpened = args =>
                {
                    LogCircuitOpened(args.BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    LogCircuitClosed();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(o.AttemptTimeout)
            .Build();
    }

    private readonly ILogger _logger;

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException or IOException } => true,
        { Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    public static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException } => "attempt timed out",
        { Exception: { } exception } => exception.Message,
        { Result: { } response } => $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}",
        _ => "no answer",
    };

    /// <summary>A server's Retry-After (delta or date) wins over our backoff, within our longest delay.</summary>
    private static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome, TimeSpan maxDelay)
    {
        var retryAfter = outcome.Result?.Headers.RetryAfter;
        var delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return delay is { } d && d > TimeSpan.Zero ? (d < maxDelay ? d : maxDelay) : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider attempt {Attempt} failed ({Reason}); retrying in {DelaySeconds:0.00} s")]
    private partial void LogRetry(int attempt, string reason, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Provider circuit opened: calls are refused for {BreakSeconds} s")]
    private partial void LogCircuitOpened(double breakSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provider circuit closed: calls flow again")]
    private partial void LogCircuitClosed();
}
