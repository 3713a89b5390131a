using Fever.AppHost.Dashboard.Telemetry;

namespace Fever.Tests.Dashboard;

/// <summary>The stores stay within their caps, drop the oldest first and count what they dropped.</summary>
public sealed class TelemetryStoreTests
{
    private static readonly TelemetryLimits Small = new() { MaxLogCount = 3, MaxTraceCount = 2, MaxMetricPointsPerSeries = 2, MaxSeriesPerInstrument = 1 };

    [Fact]
    public void Logs_beyond_the_cap_drop_the_oldest_and_are_counted()
    {
        var logs = new LogStore(Small);
        logs.Add(Enumerable.Range(1, 5).Select(i => Log($"line {i}")));

        Assert.Equal(["line 3", "line 4", "line 5"], logs.Query(new LogQuery()).Select(l => l.Message));
        Assert.Equal([3L, 4L, 5L], logs.Query(new LogQuery()).Select(l => l.Id));
        Assert.Equal(2, logs.Dropped);
        Assert.Equal(["line 5"], logs.Query(new LogQuery(After: 4)).Select(l => l.Message));
    }

    [Fact]
    public void Traces_are_kept_and_dropped_whole_and_spans_arriving_later_join_their_trace()
    {
        var traces = new TraceStore(Small);
        traces.Add([Span("t1", "a", null, "first"), Span("t2", "b", null, "second")]);
        traces.Add([Span("t2", "c", "b", "second child", offsetMs: 1), Span("t3", "d", null, "third", offsetMs: 2)]);

        Assert.Null(traces.Get("t1"));
        Assert.Equal(1, traces.Dropped);
        Assert.Equal(["second", "second child"], traces.Get("t2")!.Spans.Select(s => s.Span.Name));
        Assert.Equal(["third", "second"], traces.Query(new TraceQuery()).Select(t => t.Name));
    }

    [Fact]
    public void A_child_that_arrives_before_its_parent_is_shown_as_the_root_until_the_parent_comes()
    {
        var traces = new TraceStore(Small);
        traces.Add([Span("t1", "child", "root", "GET", offsetMs: 5)]);
        Assert.Equal("GET", traces.Query(new TraceQuery()).Single().Name);

        traces.Add([Span("t1", "root", null, "sync run")]);
        var trace = traces.Get("t1")!;
        Assert.Equal("sync run", trace.Summary.Name);
        Assert.Equal([("sync run", 0), ("GET", 1)], trace.Spans.Select(s => (s.Span.Name, s.Depth)));
        Assert.Equal(5, trace.Spans[1].OffsetMs, 3);
    }

    [Fact]
    public void Metric_series_keep_their_last_points_and_a_new_attribute_set_beyond_the_cap_is_dropped()
    {
        var metrics = new MetricStore(Small);
        var gauge = metrics.GetOrAdd("api", "Fever.Api", "fever.snapshot.events", "", "{event}", InstrumentKind.Gauge, isDelta: false);
        foreach (var value in new[] { 1d, 2d, 3d })
            metrics.Add(gauge, [], new MetricPoint(DateTimeOffset.UnixEpoch.AddSeconds(value), value));
        metrics.Add(gauge, [new TelemetryAttribute("other", "series")], new MetricPoint(DateTimeOffset.UnixEpoch, 9));

        var chart = metrics.Chart("api", "fever.snapshot.events")!;
        Assert.Equal([2d, 3d], chart.Panels.Single().Lines.Single().Points.Select(p => p.Value));
        Assert.Equal(2, metrics.Dropped);
    }

    [Fact]
    public void A_cumulative_counter_is_charted_as_its_rate_and_a_reset_does_not_go_negative()
    {
        var metrics = new MetricStore(new TelemetryLimits());
        var counter = metrics.GetOrAdd("api", "m", "requests", "", "{request}", InstrumentKind.Counter, isDelta: false);
        foreach (var (second, total) in new[] { (0, 10d), (2, 30d), (4, 5d) })
            metrics.Add(counter, [], new MetricPoint(DateTimeOffset.UnixEpoch.AddSeconds(second), total));

        var rates = metrics.Chart("api", "requests")!.Panels.Single().Lines.Single().Points.Select(p => p.Value);
        Assert.Equal([10d, 2.5d], rates);
    }

    [Theory]
    [InlineData(0.25, 2.5)]
    [InlineData(0.5, 5)]
    [InlineData(0.75, 7.5)]
    [InlineData(1.0, 10)]
    public void Percentiles_interpolate_inside_their_bucket(double quantile, double expected)
    {
        // bounds 5, 10: buckets (…, 5] = 10, (5, 10] = 10, (10, …) = 0
        Assert.Equal(expected, HistogramMath.Percentile([10, 10, 0], [5, 10], quantile), 6);
    }

    private static LogEntry Log(string message) =>
        new(0, DateTimeOffset.UtcNow, "api", "Information", 9, message, "test", null, null, []);

    private static SpanEntry Span(string traceId, string spanId, string? parentId, string name, double offsetMs = 0) =>
        new(traceId, spanId, parentId, name, "Internal", "sync", "test",
            DateTimeOffset.UnixEpoch.AddMilliseconds(offsetMs), DateTimeOffset.UnixEpoch.AddMilliseconds(offsetMs + 10), "Unset", null, [], []);
}
