using System.Diagnostics.Metrics;
using Fever.Api.Snapshot;

namespace Fever.Api;

/// <summary>
/// The API's own metrics, on the meter "Fever.Api" of the host's <see cref="IMeterFactory"/>: the snapshot's size and
/// age, and how many events each /search answer returned.
/// </summary>
public sealed class ApiMetrics
{
    public const string MeterName = "Fever.Api";

    private readonly Meter _meter;
    private readonly Histogram<long> _searchResults;

    public ApiMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _searchResults = _meter.CreateHistogram<long>("fever.search.results", "{event}", "Events returned by each /search answer.");
    }

    /// <summary>Reports <paramref name="store"/>'s snapshot as gauges; nothing until the first snapshot is loaded.</summary>
    public void ObserveSnapshot(EventSnapshotStore store)
    {
        _meter.CreateObservableGauge("fever.snapshot.events",
            () => store.Current is { } snapshot ? [new Measurement<long>(snapshot.Count)] : Array.Empty<Measurement<long>>(),
            "{event}", "Events in the in-memory snapshot that /search answers from.");
        _meter.CreateObservableGauge("fever.snapshot.age",
            () => store.Current is not null ? [new Measurement<double>(store.Age.TotalSeconds)] : Array.Empty<Measurement<double>>(),
            "s", "Seconds since the snapshot was last known to match the database; 0 while it listens for changes.");
    }

    /// <summary>Lock-free, and nothing at all while no one listens: cheap enough for every /search.</summary>
    public void RecordSearchResults(int events) => _searchResults.Record(events);
}
