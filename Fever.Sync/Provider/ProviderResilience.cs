using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Fever.Sync.Provider;

/// <summary>
/// The provider client's resilience handler (Microsoft.Extensions.Http.Resilience) in place of the standard one,
/// from the <see cref="ProviderOptions"/>, outermost first: total timeout → retry (exponential backoff with jitter,
/// honouring Retry-After) → circuit breaker → per-attempt timeout. The handler outlives a run, and so does the circuit.
/// </summary>
public static class ProviderResilience
{
    public const string PipelineName = "provider";

    /// <summary>How many attempts a request took, kept on its <see cref="ResilienceContext"/>.</summary>
    public static readonly ResiliencePropertyKey<int> Attempts = new("fever.provider.attempts");

    public static IHttpClientBuilder AddProviderResilience(this IHttpClientBuilder http)
    {
        // ServiceDefaults gives every client the standard handler; this one replaces it. The removal is marked
        // experimental (EXTEXP0001) but is the documented way to do so.
#pragma warning disable EXTEXP0001
        http.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        http.AddResilienceHandler(PipelineName, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<ProviderOptions>>().Value;
            pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "total", Timeout = options.TotalTimeout });
            if (options.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryBaseDelay,
                    MaxDelay = options.RetryMaxDelay,
                    ShouldRetryAfterHeader = true,
                    OnRetry = args =>
                    {
                        args.Context.Properties.Set(Attempts, args.AttemptNumber + 2);
                        return ValueTask.CompletedTask;
                    },
                });
            }
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = options.CircuitMinimumThroughput,
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
            });
            pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = options.AttemptTimeout });
        });
        return http;
    }
}
