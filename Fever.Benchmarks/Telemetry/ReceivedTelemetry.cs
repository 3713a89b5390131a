namespace Fever.Benchmarks.Telemetry;

/// <summary>
/// What the Aspire dashboard stored from the exporting API, read through its telemetry API once the API has stopped
/// (it flushes on SIGTERM) and the dashboard is idle again: every span of the <c>api</c> resource, sorted into
/// the server spans of the requests (a trace of one span each: ServiceDefaults traces no health request) and the rest
/// (the API's start-up queries), its log records, and whether it sent metrics.
/// </summary>
public sealed record ReceivedTelemetry(DashboardCounts Counts, int SearchSpans, int OtherSpans, bool HasMetrics)
{
    /// <summary>The server span of every request, named <c>{method} {route}</c> by ASP.NET Core's instrumentation.</summary>
    public const string SearchSpanName = "GET /search";

    /// <summary>
    /// Whether the dashboard held as many traces as it keeps (<see cref="AspireDashboard.MaxTraceCount"/>): it drops the
    /// oldest beyond, so the spans counted are then fewer than it received.
    /// </summary>
    public bool ReachedCap => Counts.Traces >= AspireDashboard.MaxTraceCount;

    public static async Task<ReceivedTelemetry> ReadAsync(DashboardTelemetryApi api, DashboardCounts counts, CancellationToken cancellationToken)
    {
        var spans = await api.SpansAsync(AppHostTelemetryEnvironment.ServiceName, cancellationToken);
        var search = spans.Count(s => s.Name == SearchSpanName && s.Kind == ReceivedSpan.SpanKind.Server && s.IsRoot);
        var resource = counts.Resources.SingleOrDefault(r => r.Name == AppHostTelemetryEnvironment.ServiceName);
        return new ReceivedTelemetry(counts, search, spans.Count - search, resource?.HasMetrics == true);
    }
}
