using System.ComponentModel.DataAnnotations;

namespace Fever.Sync.Provider;

/// <summary>
/// The partner's feed and how patiently we ask it. Bound from the "Provider" section and checked at start; the ranges
/// are those of the Polly strategies the values configure, said with our keys.
/// </summary>
public sealed class ProviderOptions
{
    public const string SectionName = "Provider";

    /// <summary>
    /// The feed's address. The default names the service "provider", which service discovery resolves from Aspire's
    /// <c>services__provider__https__0</c> or <c>services__provider__http__0</c>.
    /// </summary>
    public Uri Url { get; set; } = new("https+http://provider/api/events");

    /// <summary>Time to the response headers of one attempt. The provider takes 0.2 s to over 4 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "Provider:AttemptTimeout must be from 10 ms to 24 h.")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt, on 5xx, 408, 429, timeouts and connection errors.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "Provider:MaxRetries cannot be negative.")]
    public int MaxRetries { get; set; } = 6;

    /// <summary>First retry delay; it doubles on each retry, with jitter, up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Provider:RetryBaseDelay must be from 0 to 24 h.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Provider:RetryMaxDelay must be from 0 to 24 h.")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Budget for getting an answer at all, every attempt and delay included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "Provider:TotalTimeout must be from 10 ms to 24 h.")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Budget for reading (and storing) the body once the answer has started.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Provider:DownloadTimeout must be positive and at most 24 h.")]
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Share of failed attempts, over <see cref="CircuitSamplingDuration"/>, that opens the circuit.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Provider:CircuitFailureRatio must be from 0 to 1.")]
    public double CircuitFailureRatio { get; set; } = 0.9;

    /// <summary>Attempts needed in the sampling window before the circuit may open.</summary>
    [Range(2, int.MaxValue, ErrorMessage = "Provider:CircuitMinimumThroughput must be at least 2.")]
    public int CircuitMinimumThroughput { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00", ErrorMessage = "Provider:CircuitSamplingDuration must be from 0.5 s to 24 h.")]
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an open circuit refuses calls before letting one through.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00", ErrorMessage = "Provider:CircuitBreakDuration must be from 0.5 s to 24 h.")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
