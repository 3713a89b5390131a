using System.Globalization;

namespace Fever.Benchmarks.Api;

/// <summary>
/// The two requests of the benchmark, asked once and checked: <c>wide</c> (no bounds: every stored event) and
/// <c>narrow</c> (a range in the middle of the data that holds about <see cref="NarrowEvents"/> events).
/// </summary>
public static class SearchQueries
{
    public const string Narrow = "narrow";
    public const string Wide = "wide";
    public const int NarrowEvents = 20;

    public static async Task<IReadOnlyList<SearchQuery>> CaptureAsync(Uri api, int storedEvents, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = api };

        var wide = await SearchAnswer.FetchAsync(http, SearchQuery.Path, cancellationToken);
        if (wide.Events.Count != storedEvents)
            throw new BenchmarkException($"GET {SearchQuery.Path} answered {wide.Events.Count} events; the database holds {storedEvents}.");
        for (var i = 1; i < wide.Events.Count; i++)
        {
            if (wide.Events[i].Start < wide.Events[i - 1].Start)
                throw new BenchmarkException(
                    $"GET {SearchQuery.Path} is not ordered by start: event {i} starts at {wide.Events[i].Start:s}, before event {i - 1} ({wide.Events[i - 1].Start:s}).");
        }

        var (from, to) = NarrowRange(wide.Events);
        var expected = wide.Events.Count(e => from <= e.Start && e.End <= to);
        var narrowQuery = $"?starts_at={Iso(from)}&ends_at={Iso(to)}";
        var narrow = await SearchAnswer.FetchAsync(http, SearchQuery.Path + narrowQuery, cancellationToken);
        if (narrow.Events.Count != expected)
            throw new BenchmarkException(
                $"GET {SearchQuery.Path}{narrowQuery} answered {narrow.Events.Count} events; {expected} of the {storedEvents} stored ones start and end in that range.");

        return [new SearchQuery(Narrow, narrowQuery, narrow), new SearchQuery(Wide, "", wide)];
    }

    /// <summary>From the start of an event in the middle of the (start-ordered) data to the latest end of it and the next ones.</summary>
    private static (DateTime From, DateTime To) NarrowRange(IReadOnlyList<EventPeriod> events)
    {
        var count = Math.Min(NarrowEvents, events.Count);
        var first = (events.Count - count) / 2;
        var window = events.Skip(first).Take(count).ToList();
        return (window[0].Start, window.Max(e => e.End));
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
