namespace Fever.Benchmarks.Telemetry;

/// <summary>The runs of the telemetry scenario, export off before and after the run with export on.</summary>
public sealed class TelemetryComparison(IReadOnlyList<TelemetryRun> runs)
{
    public IReadOnlyList<TelemetryRun> Runs { get; } = runs;

    public TelemetryRun On => Runs.Single(r => r.Exporting);

    public IReadOnlyList<TelemetryRun> Off => Runs.Where(r => !r.Exporting).ToList();

    /// <summary>The mean req/s of the export-off runs.</summary>
    public double OffRequestsPerSecond => Off.Average(r => r.Load.Measured.RequestsPerSecond);

    /// <summary>The mean of the export-off runs' API CPU time per request.</summary>
    public TimeSpan OffApiCpuPerRequest => TimeSpan.FromTicks((long)Off.Average(r => r.ApiCpuPerRequest.Ticks));

    /// <summary>The export-on run's throughput as a fraction of the export-off runs' mean.</summary>
    public double ShareOfOff => On.Load.Measured.RequestsPerSecond / OffRequestsPerSecond;

    /// <summary>How much the last export-off run differs from the first, as a fraction of the first: the machine's drift over the scenario.</summary>
    public double OffDrift => Off[^1].Load.Measured.RequestsPerSecond / Off[0].Load.Measured.RequestsPerSecond - 1;
}
