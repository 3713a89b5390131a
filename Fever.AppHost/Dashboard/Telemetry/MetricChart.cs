namespace Fever.AppHost.Dashboard.Telemetry;

/// <summary>
/// What the metrics page draws for one instrument over the kept window:
/// a gauge or up-down counter, its value per series; a counter, its rate per second (all series added);
/// a histogram, the 50th, 95th and 99th percentiles estimated from the buckets, and its rate.
/// The table gives each series' latest figures.
/// </summary>
public sealed record MetricChart(
    string Resource, string Meter, string Name, string Description, string Unit, InstrumentKind Kind,
    IReadOnlyList<ChartPanel> Panels, IReadOnlyList<SeriesRow> Series)
{
    private const int MaxLinesPerPanel = 8;

    internal static MetricChart Of(Instrument instrument)
    {
        var series = instrument.Series.Select(s => (s.Attributes, Points: s.Points)).ToList();
        var panels = instrument.Kind switch
        {
            InstrumentKind.Counter => [RatePanel(instrument, series)],
            InstrumentKind.Histogram => HistogramPanels(instrument, series),
            _ => [new ChartPanel(instrument.Name, instrument.Unit, series.Take(MaxLinesPerPanel)
                .Select(s => new ChartLine(Label(s.Attributes), s.Points.Select(p => new ChartPoint(p.Time, p.Value)).ToList())).ToList())],
        };
        var rows = series.Select(s => new SeriesRow(Label(s.Attributes), Latest(instrument, s.Points))).ToList();
        return new MetricChart(instrument.Resource, instrument.Meter, instrument.Name, instrument.Description, instrument.Unit, instrument.Kind, panels, rows);
    }

    private static ChartPanel RatePanel(Instrument instrument, List<(IReadOnlyList<TelemetryAttribute> Attributes, IReadOnlyList<MetricPoint> Points)> series)
    {
        var rates = series.SelectMany(s => Intervals(instrument, s.Points).Select(i => (i.Time, Rate: i.Value / i.Seconds)))
            .GroupBy(r => r.Time).OrderBy(g => g.Key)
            .Select(g => new ChartPoint(g.Key, g.Sum(r => r.Rate))).ToList();
        return new ChartPanel($"{instrument.Name} rate", $"{instrument.Unit}/s", [new ChartLine("all", rates)]);
    }

    private static List<ChartPanel> HistogramPanels(Instrument instrument, List<(IReadOnlyList<TelemetryAttribute> Attributes, IReadOnlyList<MetricPoint> Points)> series)
    {
        // Per export, the buckets of every series added: the distribution of all measurements in that interval.
        var intervals = series.SelectMany(s => Intervals(instrument, s.Points))
            .GroupBy(i => i.Time).OrderBy(g => g.Key)
            .Select(g => (Time: g.Key, Seconds: g.Max(i => i.Seconds), Count: g.Sum(i => (double)i.Count), Buckets: AddBuckets(g.Select(i => i.Buckets))))
            .Where(i => i.Count > 0)
            .ToList();
        ChartLine Percentile(string label, double quantile) =>
            new(label, intervals.Select(i => new ChartPoint(i.Time, HistogramMath.Percentile(i.Buckets, instrument.Bounds, quantile))).ToList());
        return
        [
            new ChartPanel(instrument.Name, instrument.Unit, [Percentile("p50", 0.50), Percentile("p95", 0.95), Percentile("p99", 0.99)]),
            new ChartPanel($"{instrument.Name} rate", "/s", [new ChartLine("measurements", intervals.Select(i => new ChartPoint(i.Time, i.Count / i.Seconds)).ToList())]),
        ];
    }

    /// <summary>What each interval between two exports added: the value (or count) and the buckets, however the exporter sent them.</summary>
    private static IEnumerable<(DateTimeOffset Time, double Seconds, double Value, ulong Count, ulong[] Buckets)> Intervals(Instrument instrument, IReadOnlyList<MetricPoint> points)
    {
        for (var i = 1; i < points.Count; i++)
        {
            var (previous, current) = (points[i - 1], points[i]);
            var seconds = Math.Max((current.Time - previous.Time).TotalSeconds, 0.001);
            // A cumulative series that went down was restarted (a new process): this point counts from zero.
            var restarted = current.Count < previous.Count || (instrument.Kind == InstrumentKind.Counter && current.Value < previous.Value);
            if (instrument.IsDelta || restarted)
                yield return (current.Time, seconds, current.Value, current.Count, [.. current.BucketCounts ?? []]);
            else
                yield return (current.Time, seconds, current.Value - previous.Value, current.Count - previous.Count,
                    HistogramMath.Subtract(current.BucketCounts ?? [], previous.BucketCounts ?? []));
        }
    }

    private static ulong[] AddBuckets(IEnumerable<ulong[]> buckets)
    {
        ulong[] total = [];
        foreach (var bucket in buckets)
        {
            if (total.Length < bucket.Length)
                Array.Resize(ref total, bucket.Length);
            for (var i = 0; i < bucket.Length; i++)
                total[i] += bucket[i];
        }
        return total;
    }

    private static string Latest(Instrument instrument, IReadOnlyList<MetricPoint> points)
    {
        if (points.Count == 0)
            return "";
        var last = points[^1];
        return instrument.Kind switch
        {
            InstrumentKind.Histogram when instrument.IsDelta => $"{points.Sum(p => (double)p.Count):0} measurements in the window",
            InstrumentKind.Histogram => $"{last.Count} measurements, mean {(last.Count == 0 ? 0 : last.Value / last.Count):0.####} {instrument.Unit}, " +
                $"p95 {HistogramMath.Percentile(last.BucketCounts ?? [], instrument.Bounds, 0.95):0.####} {instrument.Unit}",
            InstrumentKind.Counter when instrument.IsDelta => $"{points.Sum(p => p.Value):0.##} {instrument.Unit} in the window",
            _ => $"{last.Value:0.####} {instrument.Unit}",
        };
    }

    private static string Label(IReadOnlyList<TelemetryAttribute> attributes) =>
        attributes.Count == 0 ? "(no attributes)" : string.Join(", ", attributes.Select(a => $"{a.Key}={a.Value}"));
}

public sealed record ChartPanel(string Title, string Unit, IReadOnlyList<ChartLine> Lines);

public sealed record ChartLine(string Label, IReadOnlyList<ChartPoint> Points);

public sealed record ChartPoint(DateTimeOffset Time, double Value);

public sealed record SeriesRow(string Attributes, string Latest);
