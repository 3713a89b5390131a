namespace Fever.Sync.Provider;

/// <summary>The partner's feed and how patiently we ask it. Bound from the "Provider" section.</summary>
public sealed class ProviderOptions
{
    public const string SectionName = "Provider";

    /// <summary>
    /// The feed's address. The default names the service "provider", which service discovery resolves from Aspire's
    /// <c>services__provider__https__0</c> or <c>services__provider__http__0</c>.
    /// </summary>
    public Uri Url { get; set; } = new("https+http://provider/api/events");

    /// <summary>Time to the response headers of one attempt. The provider takes 0.2 s to over 4 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt, on 5xx, 408, 429, timeouts and connection errors.</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>First retry delay; it doubles on each retry, with jitter, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Budget for getting an answer at all, every attempt and delay included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Budget for reading (and storing) the body once the answer has started.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Share of failed attempts, over <see cref="CircuitSamplingDuration"/>, that opens the circuit.</summary>
    public double CircuitFailureRatio { get; set; } = 0.9;

    /// <summary>Attempts needed in the sampling window before the circuit may open.</summary>
    public int CircuitMinimumThroughput { get; set; } = 10;

    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an open circuit refuses calls before letting one through.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
