namespace Fever.AppHost.Dashboard.Telemetry;

/// <summary>A row of the traces list: the root span's resource and name, when it started, how long it took, how many spans and errors.</summary>
public sealed record TraceSummary(
    string TraceId,
    string Name,
    string Resource,
    IReadOnlyList<string> Resources,
    DateTimeOffset Start,
    double DurationMs,
    int SpanCount,
    int ErrorCount)
{
    public static TraceSummary Of(IReadOnlyList<SpanEntry> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        // The root, or while it has not arrived yet, the earliest span whose parent is unknown.
        var root = spans.Where(s => s.ParentSpanId is null).MinBy(s => s.Start)
            ?? spans.Where(s => !ids.Contains(s.ParentSpanId!)).MinBy(s => s.Start)
            ?? spans.MinBy(s => s.Start)!;
        var start = spans.Min(s => s.Start);
        return new TraceSummary(
            root.TraceId,
            root.Name,
            root.Resource,
            spans.Select(s => s.Resource).Distinct().Order(StringComparer.Ordinal).ToList(),
            start,
            (spans.Max(s => s.End) - start).TotalMilliseconds,
            spans.Count,
            spans.Count(s => s.IsError));
    }
}

/// <summary>One trace for the waterfall: its summary and its spans, each with its depth, parents before children.</summary>
public sealed record TraceDetail(TraceSummary Summary, IReadOnlyList<WaterfallSpan> Spans)
{
    public static TraceDetail Of(TraceSummary summary, IReadOnlyList<SpanEntry> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        var children = spans.Where(s => s.ParentSpanId is not null && ids.Contains(s.ParentSpanId))
            .ToLookup(s => s.ParentSpanId!);
        var ordered = new List<WaterfallSpan>(spans.Count);
        foreach (var top in spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).OrderBy(s => s.Start))
            Visit(top, 0);
        return new TraceDetail(summary, ordered);

        void Visit(SpanEntry span, int depth)
        {
            ordered.Add(new WaterfallSpan(span, depth, (span.Start - summary.Start).TotalMilliseconds));
            foreach (var child in children[span.SpanId].OrderBy(s => s.Start))
                Visit(child, depth + 1);
        }
    }
}

/// <summary>A span placed in the waterfall: how deep it sits and when it starts after the trace's first span.</summary>
public sealed record WaterfallSpan(SpanEntry Span, int Depth, double OffsetMs);
