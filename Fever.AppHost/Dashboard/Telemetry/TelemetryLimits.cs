namespace Fever.AppHost.Dashboard.Telemetry;

/// <summary>
/// How much telemetry the dashboard keeps in memory (section <c>Dashboard:TelemetryLimits</c>, named as
/// Aspire's dashboard names them). The oldest entries are dropped first, and counted.
/// </summary>
public sealed class TelemetryLimits
{
    public int MaxLogCount { get; set; } = 10_000;

    public int MaxTraceCount { get; set; } = 10_000;

    /// <summary>Points kept per metric series: ten minutes at the AppHost's one-second export interval.</summary>
    public int MaxMetricPointsPerSeries { get; set; } = 600;

    /// <summary>Attribute combinations kept per instrument; the measurements of more are dropped, and counted.</summary>
    public int MaxSeriesPerInstrument { get; set; } = 200;
}
