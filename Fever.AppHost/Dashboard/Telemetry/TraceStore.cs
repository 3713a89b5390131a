namespace Fever.AppHost.Dashboard.Telemetry;

/// <summary>
/// The spans of the last <see cref="TelemetryLimits.MaxTraceCount"/> traces, grouped by trace. A trace's spans
/// arrive from several services at different times; the trace is the unit kept and dropped (oldest first).
/// </summary>
public sealed class TraceStore(TelemetryLimits limits)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Trace> _traces = [];
    private readonly Queue<string> _arrivalOrder = new();
    private long _dropped;

    /// <summary>Traces dropped to stay within the limit.</summary>
    public long Dropped
    {
        get { lock (_gate) return _dropped; }
    }

    public void Add(IEnumerable<SpanEntry> spans)
    {
        lock (_gate)
            foreach (var span in spans)
            {
                if (!_traces.TryGetValue(span.TraceId, out var trace))
                {
                    _traces[span.TraceId] = trace = new Trace();
                    _arrivalOrder.Enqueue(span.TraceId);
                    if (_arrivalOrder.Count > limits.MaxTraceCount)
                    {
                        _traces.Remove(_arrivalOrder.Dequeue());
                        _dropped++;
                    }
                }
                trace.Add(span);
            }
    }

    /// <summary>The newest <paramref name="limit"/> traces that match, newest first.</summary>
    public IReadOnlyList<TraceSummary> Query(TraceQuery query, int limit = 200)
    {
        List<TraceSummary> summaries;
        lock (_gate)
            summaries = _traces.Values.Select(t => t.Summary).ToList();
        return summaries
            .Where(query.Matches)
            .OrderByDescending(t => t.Start)
            .Take(limit)
            .ToList();
    }

    /// <summary>A trace's spans in waterfall order (each parent before its children, siblings by start), with their depth.</summary>
    public TraceDetail? Get(string traceId)
    {
        SpanEntry[] spans;
        lock (_gate)
        {
            if (!_traces.TryGetValue(traceId, out var trace))
                return null;
            spans = [.. trace.Spans];
        }
        return TraceDetail.Of(TraceSummary.Of(spans), spans);
    }

    /// <summary>A trace's spans and its summary, worked out again only after a span has joined (the list is polled far more often).</summary>
    private sealed class Trace
    {
        private TraceSummary? _summary;

        public List<SpanEntry> Spans { get; } = [];

        public TraceSummary Summary => _summary ??= TraceSummary.Of(Spans);

        public void Add(SpanEntry span)
        {
            Spans.Add(span);
            _summary = null;
        }
    }
}

public sealed record TraceQuery(string? Resource = null, string? Text = null, bool ErrorsOnly = false)
{
    public bool Matches(TraceSummary trace) =>
        (string.IsNullOrEmpty(Resource) || trace.Resources.Contains(Resource))
        && (!ErrorsOnly || trace.ErrorCount > 0)
        && (string.IsNullOrEmpty(Text)
            || trace.Name.Contains(Text, StringComparison.OrdinalIgnoreCase)
            || trace.TraceId.StartsWith(Text, StringComparison.OrdinalIgnoreCase));
}
