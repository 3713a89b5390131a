namespace Fever.AppHost.Dashboard.Telemetry;

/// <summary>Every instrument of every resource with its recent points; see <see cref="MetricChart"/> for what the charts show.</summary>
public sealed class MetricStore(TelemetryLimits limits)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Resource, string Name), Instrument> _instruments = [];
    private long _dropped;

    /// <summary>Points dropped: the oldest of a full series, or those of a series beyond the limit.</summary>
    public long Dropped
    {
        get { lock (_gate) return _dropped; }
    }

    public Instrument GetOrAdd(string resource, string meter, string name, string description, string unit, InstrumentKind kind, bool isDelta)
    {
        lock (_gate)
        {
            if (!_instruments.TryGetValue((resource, name), out var instrument))
                _instruments[(resource, name)] = instrument = new Instrument(resource, meter, name, description, unit, kind, isDelta);
            return instrument;
        }
    }

    public void Add(Instrument instrument, IReadOnlyList<TelemetryAttribute> attributes, MetricPoint point)
    {
        lock (_gate)
            if (!instrument.Add(attributes, point, limits))
                _dropped++;
    }

    public IReadOnlyList<string> Resources()
    {
        lock (_gate)
            return _instruments.Keys.Select(k => k.Resource).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<InstrumentSummary> Instruments(string resource)
    {
        lock (_gate)
            return _instruments.Values.Where(i => i.Resource == resource)
                .OrderBy(i => i.Meter, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal)
                .Select(i => new InstrumentSummary(i.Meter, i.Name, i.Description, i.Unit, i.Kind))
                .ToList();
    }

    public MetricChart? Chart(string resource, string name)
    {
        lock (_gate)
            return _instruments.TryGetValue((resource, name), out var instrument) ? MetricChart.Of(instrument) : null;
    }
}

public sealed record InstrumentSummary(string Meter, string Name, string Description, string Unit, InstrumentKind Kind);
