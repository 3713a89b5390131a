using Fever.AppHost.Dashboard.Telemetry;

namespace Fever.Benchmarks.Telemetry;

/// <summary>
/// What the <see cref="TelemetryReceiver"/> got, read from its <see cref="TelemetryRepository"/> once the exporting API
/// has stopped (it flushes on SIGTERM). The trace store keeps the newest <see cref="TelemetryLimits.MaxTraceCount"/>
/// traces and counts those it dropped, so kept plus dropped is every trace received; the log store likewise.
/// </summary>
public sealed record ReceivedTelemetry(
    int TracesKept,
    long TracesDropped,
    int SearchSpansKept,
    long Logs,
    int Instruments,
    int Series,
    bool HasRequestDuration)
{
    /// <summary>The server span of every request, named <c>{method} {route}</c> by ServiceDefaults.</summary>
    public const string SearchSpanName = "GET /search";

    /// <summary>ASP.NET Core's histogram of server request durations, one measurement per request.</summary>
    public const string RequestDurationInstrument = "http.server.request.duration";

    public long Traces => TracesKept + TracesDropped;

    public static ReceivedTelemetry Read(TelemetryRepository repository)
    {
        var traces = repository.Traces.Query(new TraceQuery(), int.MaxValue);
        var instruments = repository.Metrics.Resources()
            .SelectMany(resource => repository.Metrics.Instruments(resource).Select(instrument => (Resource: resource, instrument.Name)))
            .ToList();
        return new ReceivedTelemetry(
            traces.Count,
            repository.Traces.Dropped,
            traces.Count(t => t.Name == SearchSpanName && t.SpanCount == 1),
            repository.Logs.Query(new LogQuery(), int.MaxValue).Count + repository.Logs.Dropped,
            instruments.Count,
            instruments.Sum(i => repository.Metrics.Chart(i.Resource, i.Name)?.Series.Count ?? 0),
            instruments.Any(i => i.Name == RequestDurationInstrument));
    }
}
