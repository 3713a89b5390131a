namespace Fever.AppHost.Dashboard.Telemetry;

/// <summary>
/// One data point as exported: a gauge's or sum's value, or a histogram's count, sum and bucket counts.
/// Sums and histograms are kept as the exporter sent them (cumulative or delta, see <see cref="Instrument.IsDelta"/>).
/// </summary>
public sealed record MetricPoint(DateTimeOffset Time, double Value, ulong Count = 0, IReadOnlyList<ulong>? BucketCounts = null);
