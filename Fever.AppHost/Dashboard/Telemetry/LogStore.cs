namespace Fever.AppHost.Dashboard.Telemetry;

/// <summary>The last <see cref="TelemetryLimits.MaxLogCount"/> structured logs of every resource, oldest dropped first.</summary>
public sealed class LogStore(TelemetryLimits limits)
{
    private readonly Lock _gate = new();
    private readonly Queue<LogEntry> _logs = new();
    private long _lastId;
    private long _dropped;

    public long Dropped
    {
        get { lock (_gate) return _dropped; }
    }

    /// <summary>Keeps the entries, numbering them in the order received (their own <see cref="LogEntry.Id"/> is ignored).</summary>
    public void Add(IEnumerable<LogEntry> entries)
    {
        lock (_gate)
            foreach (var entry in entries)
            {
                _logs.Enqueue(entry with { Id = ++_lastId });
                if (_logs.Count > limits.MaxLogCount)
                {
                    _logs.Dequeue();
                    _dropped++;
                }
            }
    }

    /// <summary>The newest <paramref name="limit"/> logs that match, oldest first.</summary>
    public IReadOnlyList<LogEntry> Query(LogQuery query, int limit = 500)
    {
        List<LogEntry> matching;
        lock (_gate)
            matching = _logs.Where(query.Matches).ToList();
        return matching.Count > limit ? matching[^limit..] : matching;
    }

    public IReadOnlyList<string> Resources()
    {
        lock (_gate)
            return _logs.Select(l => l.Resource).Distinct().Order(StringComparer.Ordinal).ToList();
    }
}

/// <summary>A filter of the structured logs: by resource, by lowest severity, by text anywhere in the message, category or attributes, by trace.</summary>
public sealed record LogQuery(string? Resource = null, int MinSeverity = 0, string? Text = null, string? TraceId = null, long After = 0)
{
    public bool Matches(LogEntry entry) =>
        entry.Id > After
        && (string.IsNullOrEmpty(Resource) || entry.Resource == Resource)
        && entry.SeverityNumber >= MinSeverity
        && (string.IsNullOrEmpty(TraceId) || entry.TraceId == TraceId)
        && (string.IsNullOrEmpty(Text)
            || entry.Message.Contains(Text, StringComparison.OrdinalIgnoreCase)
            || entry.Category.Contains(Text, StringComparison.OrdinalIgnoreCase)
            || entry.Attributes.Any(a => a.Value.Contains(Text, StringComparison.OrdinalIgnoreCase)));
}
