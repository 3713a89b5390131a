using System.Globalization;

namespace Fever.ProviderSimulator;

/// <summary>
/// How the provider simulator behaves, bound from the <c>Simulator</c> configuration section.
/// The defaults answer every call at once with the embedded samples, in order, looping.
/// </summary>
public sealed class ProviderSimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>After the last answer, start again at the first (true) or keep serving the last (false).</summary>
    public bool Loop { get; set; } = true;

    /// <summary>Fraction (0..1) of calls answered 503 with an empty body, drawn from the seeded random.</summary>
    public double FailureRate { get; set; }

    /// <summary>When N &gt; 0, calls N, 2N, 3N… answer 503.</summary>
    public int FailEvery { get; set; }

    /// <summary>Lower bound of the uniform delay applied to every call, failed or not.</summary>
    public TimeSpan MinLatency { get; set; }

    /// <summary>Upper bound of the uniform delay applied to every call, failed or not.</summary>
    public TimeSpan MaxLatency { get; set; }

    /// <summary>Fraction (0..1) of successful answers whose XML stops at a random point inside an element.</summary>
    public double TruncateRate { get; set; }

    /// <summary>Seed of the random draws (failures, latency, truncation), so that a run can be replayed.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Folder whose <c>*.xml</c> files, in name order, replace the embedded samples.</summary>
    public string? SamplesDirectory { get; set; }

    /// <summary>When set, the simulator serves this generated feed instead of the samples.</summary>
    public GeneratedFeedOptions? Generated { get; set; }

    /// <summary>What is wrong with these options, one message per setting, named by its configuration key.</summary>
    public IEnumerable<string> Problems()
    {
        if (FailEvery < 0)
            yield return $"{SectionName}:{nameof(FailEvery)} must be 0 (never) or more, not {FailEvery}.";
        if (FailureRate is not (>= 0 and <= 1))
            yield return $"{SectionName}:{nameof(FailureRate)} must be between 0 and 1, not {Format(FailureRate)}.";
        if (TruncateRate is not (>= 0 and <= 1))
            yield return $"{SectionName}:{nameof(TruncateRate)} must be between 0 and 1, not {Format(TruncateRate)}.";
        if (MinLatency < TimeSpan.Zero)
            yield return $"{SectionName}:{nameof(MinLatency)} cannot be negative ({MinLatency}).";
        if (MaxLatency < MinLatency)
            yield return $"{SectionName}:{nameof(MaxLatency)} ({MaxLatency}) must be at least {SectionName}:{nameof(MinLatency)} ({MinLatency}).";
        if (SamplesDirectory is not null && !Directory.Exists(SamplesDirectory))
            yield return $"{SectionName}:{nameof(SamplesDirectory)} '{SamplesDirectory}' is not a folder.";
        foreach (var problem in Generated?.Problems() ?? [])
            yield return problem;
    }

    static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
