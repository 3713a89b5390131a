namespace Fever.AppHost.Dashboard.Telemetry;

/// <summary>What the OTLP receiver has kept for the dashboard: logs, traces and metrics, each capped.</summary>
public sealed class TelemetryRepository(TelemetryLimits limits)
{
    public TelemetryLimits Limits { get; } = limits;

    public LogStore Logs { get; } = new(limits);

    public TraceStore Traces { get; } = new(limits);

    public MetricStore Metrics { get; } = new(limits);
}
