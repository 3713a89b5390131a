namespace Fever.AppHost.Dashboard.Telemetry;

/// <summary>An instrument of one resource: its description and a capped series of points per attribute set.</summary>
public sealed class Instrument(string resource, string meter, string name, string description, string unit, InstrumentKind kind, bool isDelta)
{
    private readonly Dictionary<string, MetricSeries> _series = [];

    public string Resource { get; } = resource;
    public string Meter { get; } = meter;
    public string Name { get; } = name;
    public string Description { get; } = description;
    public string Unit { get; } = unit;
    public InstrumentKind Kind { get; } = kind;
    public bool IsDelta { get; } = isDelta;

    /// <summary>A histogram's bucket upper bounds (the last bucket has none).</summary>
    public IReadOnlyList<double> Bounds { get; set; } = [];

    internal IReadOnlyCollection<MetricSeries> Series => _series.Values;

    /// <summary>Adds a point to the series of these attributes; false when the series is new and there are too many already.</summary>
    internal bool Add(IReadOnlyList<TelemetryAttribute> attributes, MetricPoint point, TelemetryLimits limits)
    {
        var key = string.Join('\u001f', attributes.Select(a => $"{a.Key}={a.Value}"));
        if (!_series.TryGetValue(key, out var series))
        {
            if (_series.Count >= limits.MaxSeriesPerInstrument)
                return false;
            _series[key] = series = new MetricSeries(attributes);
        }
        return series.Add(point, limits.MaxMetricPointsPerSeries);
    }
}

public enum InstrumentKind
{
    Gauge,
    Counter,
    UpDownCounter,
    Histogram,
}

/// <summary>The points of one attribute set, oldest first, capped.</summary>
internal sealed class MetricSeries(IReadOnlyList<TelemetryAttribute> attributes)
{
    private readonly Queue<MetricPoint> _points = new();

    public IReadOnlyList<TelemetryAttribute> Attributes { get; } = attributes;

    public IReadOnlyList<MetricPoint> Points => [.. _points];

    /// <summary>Adds the point; false when an old point had to be dropped to make room.</summary>
    public bool Add(MetricPoint point, int maxPoints)
    {
        _points.Enqueue(point);
        if (_points.Count <= maxPoints)
            return true;
        _points.Dequeue();
        return false;
    }
}
