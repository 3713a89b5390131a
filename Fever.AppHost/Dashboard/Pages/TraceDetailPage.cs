using System.Globalization;
using Fever.AppHost.Dashboard.Telemetry;
using Microsoft.AspNetCore.Http;

namespace Fever.AppHost.Dashboard.Pages;

/// <summary>
/// <c>/traces/detail/{traceId}</c>: a trace's waterfall, one row per span (parents before children, indented by
/// depth) with a bar placed on the trace's time line; a click on a span shows its attributes and events.
/// trace-detail.js reloads the page when more spans of the trace arrive.
/// </summary>
internal static class TraceDetailPage
{
    private const double IndentPerDepthRem = 1.25;

    public static DashboardPage Render(string traceId, TelemetryRepository telemetry)
    {
        if (telemetry.Traces.Get(traceId.ToLowerInvariant()) is not { } trace)
            return new DashboardPage("Trace", DashboardSection.Traces, Html.Of($"""
                <h1>Trace</h1>
                <p class="notice error">There is no trace {traceId}: it has not arrived (yet), or the cap of
                {telemetry.Limits.MaxTraceCount} traces has dropped it. See <a href="/traces">the traces</a>.</p>
                """), "trace-detail.js") { StatusCode = StatusCodes.Status404NotFound };

        var summary = trace.Summary;
        return new DashboardPage($"{summary.Name} trace", DashboardSection.Traces, Html.Of($"""
            <h1>{summary.Name} <span class="subtitle mono">{summary.TraceId}</span></h1>
            <dl class="trace-facts">
            <div><dt>Started</dt><dd><time datetime="{summary.Start:O}" data-local="ms">{summary.Start:HH:mm:ss.fff} UTC</time></dd></div>
            <div><dt>Duration</dt><dd>{Duration(summary.DurationMs)}</dd></div>
            <div><dt>Services</dt><dd>{string.Join(", ", summary.Resources)}</dd></div>
            <div><dt>Spans</dt><dd>{summary.SpanCount}</dd></div>
            <div><dt>Errors</dt><dd{(summary.ErrorCount > 0 ? Html.Of($" class=\"errors\"") : Html.Empty)}>{summary.ErrorCount}</dd></div>
            </dl>
            <p><a href="/structuredlogs?traceId={Uri.EscapeDataString(summary.TraceId)}">Structured logs of this trace</a> · <a href="/traces">All traces</a></p>
            <table id="waterfall" class="waterfall" data-trace-id="{summary.TraceId}" data-span-count="{summary.SpanCount}">
            <thead><tr>
            <th scope="col">Span</th><th scope="col">Kind</th><th scope="col" class="number">Duration</th>
            <th scope="col" class="timeline">{Ticks(summary.DurationMs)}</th>
            </tr></thead>
            {trace.Spans.Select(span => SpanRows(span, summary))}
            </table>
            """), "trace-detail.js");
    }

    private static Html Ticks(double totalMs) => Html.Of($"""
        <div class="ticks">{new[] { 0, 0.25, 0.5, 0.75, 1 }.Select(share =>
            Html.Of($"""<span style="left:{Percent(share)}%">{Duration(share * totalMs)}</span>"""))}</div>
        """);

    private static Html SpanRows(WaterfallSpan placed, TraceSummary trace)
    {
        var span = placed.Span;
        var total = trace.DurationMs > 0 ? trace.DurationMs : 1;
        return Html.Of($"""
            <tbody class="entry">
            <tr class="{(span.IsError ? "clickable error-span" : "clickable")}">
            <td class="span-name"><span class="indent" style="width:{Number(placed.Depth * IndentPerDepthRem)}rem"></span><button type="button" class="toggle" aria-expanded="false" aria-label="Show the details of {span.Name}">▸</button>
            <span class="resource">{span.Resource}</span><span class="span-label">{span.Name}</span></td>
            <td>{span.Kind}</td>
            <td class="number nowrap">{Duration(span.DurationMs)}</td>
            <td class="timeline"><div class="track"><div class="{(span.IsError ? "bar error" : "bar")}" style="left:{Percent(placed.OffsetMs / total)}%;width:{Percent(span.DurationMs / total)}%"
            title="{span.Name}: starts at {Duration(placed.OffsetMs)}, lasts {Duration(span.DurationMs)}"></div></div></td>
            </tr>
            <tr class="details" hidden><td colspan="4">{SpanDetails(span, trace)}</td></tr>
            </tbody>
            """);
    }

    private static Html SpanDetails(SpanEntry span, TraceSummary trace)
    {
        (string Key, string? Value)[] facts =
        [
            ("Status", span.StatusMessage is { } message ? $"{span.Status}: {message}" : span.Status),
            ("Resource", span.Resource),
            ("Scope", span.Scope),
            ("Span id", span.SpanId),
            ("Parent span id", span.ParentSpanId),
            ("Starts at", Duration((span.Start - trace.Start).TotalMilliseconds)),
            .. span.Attributes.Select(a => (a.Key, (string?)a.Value)),
        ];
        return Html.Of($"""
            <dl class="attributes">{facts.Where(f => f.Value is not null).Select(f => Html.Of($"<dt>{f.Key}</dt><dd>{f.Value}</dd>"))}</dl>
            {(span.Events.Count == 0 ? Html.Empty : Html.Of($"""
                <h2>Events</h2>
                <ol class="events">{span.Events.Select(e => Html.Of($"""
                    <li><strong>{e.Name}</strong> <span class="muted">at {Duration((e.Time - trace.Start).TotalMilliseconds)}</span>
                    <dl class="attributes">{e.Attributes.Select(a => Html.Of($"<dt>{a.Key}</dt><dd>{a.Value}</dd>"))}</dl></li>
                    """))}</ol>
                """))}
            """);
    }

    /// <summary>As dashboard.js's formatDuration: µs, ms or s, three significant digits at most.</summary>
    private static string Duration(double milliseconds) => milliseconds switch
    {
        0 => "0 ms",
        < 1 => $"{Math.Round(milliseconds * 1000).ToString(CultureInfo.InvariantCulture)} µs",
        < 1000 => $"{Significant(milliseconds)} ms",
        _ => $"{Significant(milliseconds / 1000)} s",
    };

    private static string Significant(double value) => double.Parse(value.ToString("G3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    private static string Percent(double share) => Number(Math.Clamp(share * 100, 0, 100));

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
