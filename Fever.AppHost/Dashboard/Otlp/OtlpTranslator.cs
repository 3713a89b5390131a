using System.Globalization;
using Fever.AppHost.Dashboard.Otlp.Proto;
using Fever.AppHost.Dashboard.Telemetry;
using Google.Protobuf;

namespace Fever.AppHost.Dashboard.Otlp;

/// <summary>Turns OTLP export requests into the dashboard's entries and keeps them in the repository.</summary>
public static class OtlpTranslator
{
    public static int AddLogs(TelemetryRepository repository, ExportLogsServiceRequest request)
    {
        var entries = new List<LogEntry>();
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var resource = ResourceName(resourceLogs.Resource);
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
                foreach (var record in scopeLogs.LogRecords)
                    entries.Add(new LogEntry(
                        0,
                        Time(record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano),
                        resource,
                        record.SeverityText is { Length: > 0 } text ? text : SeverityName(record.SeverityNumber),
                        record.SeverityNumber,
                        record.Body is null ? "" : Text(record.Body),
                        scopeLogs.Scope?.Name ?? "",
                        Id(record.TraceId),
                        Id(record.SpanId),
                        Attributes(record.Attributes)));
        }
        repository.Logs.Add(entries);
        return entries.Count;
    }

    public static int AddTraces(TelemetryRepository repository, ExportTraceServiceRequest request)
    {
        var spans = new List<SpanEntry>();
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = ResourceName(resourceSpans.Resource);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
                foreach (var span in scopeSpans.Spans)
                {
                    if (Id(span.TraceId) is not { } traceId || Id(span.SpanId) is not { } spanId)
                        continue;
                    spans.Add(new SpanEntry(
                        traceId,
                        spanId,
                        Id(span.ParentSpanId),
                        span.Name,
                        KindName(span.Kind),
                        resource,
                        scopeSpans.Scope?.Name ?? "",
                        Time(span.StartTimeUnixNano),
                        Time(Math.Max(span.EndTimeUnixNano, span.StartTimeUnixNano)),
                        span.Status?.Code switch
                        {
                            Status.Types.StatusCode.Error => "Error",
                            Status.Types.StatusCode.Ok => "Ok",
                            _ => "Unset",
                        },
                        span.Status?.Message is { Length: > 0 } message ? message : null,
                        Attributes(span.Attributes),
                        span.Events.Select(e => new SpanEventEntry(Time(e.TimeUnixNano), e.Name, Attributes(e.Attributes))).ToList()));
                }
        }
        repository.Traces.Add(spans);
        return spans.Count;
    }

    public static int AddMetrics(TelemetryRepository repository, ExportMetricsServiceRequest request)
    {
        var points = 0;
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var resource = ResourceName(resourceMetrics.Resource);
            foreach (var scopeMetrics in resourceMetrics.ScopeMetrics)
                foreach (var metric in scopeMetrics.Metrics)
                    points += AddMetric(repository.Metrics, resource, scopeMetrics.Scope?.Name ?? "", metric);
        }
        return points;
    }

    private static int AddMetric(MetricStore store, string resource, string meter, Metric metric)
    {
        switch (metric.DataCase)
        {
            case Metric.DataOneofCase.Gauge:
                return AddNumbers(store, store.GetOrAdd(resource, meter, metric.Name, metric.Description, metric.Unit, InstrumentKind.Gauge, false), metric.Gauge.DataPoints);
            case Metric.DataOneofCase.Sum:
                var kind = metric.Sum.IsMonotonic ? InstrumentKind.Counter : InstrumentKind.UpDownCounter;
                var isDelta = metric.Sum.AggregationTemporality == AggregationTemporality.Delta;
                return AddNumbers(store, store.GetOrAdd(resource, meter, metric.Name, metric.Description, metric.Unit, kind, isDelta), metric.Sum.DataPoints);
            case Metric.DataOneofCase.Histogram:
                var histogram = store.GetOrAdd(resource, meter, metric.Name, metric.Description, metric.Unit, InstrumentKind.Histogram,
                    metric.Histogram.AggregationTemporality == AggregationTemporality.Delta);
                foreach (var point in metric.Histogram.DataPoints)
                {
                    if (point.ExplicitBounds.Count > 0)
                        histogram.Bounds = [.. point.ExplicitBounds];
                    store.Add(histogram, Attributes(point.Attributes),
                        new MetricPoint(Time(point.TimeUnixNano), point.HasSum ? point.Sum : 0, point.Count, [.. point.BucketCounts]));
                }
                return metric.Histogram.DataPoints.Count;
            default:
                return 0; // exponential histograms and summaries: not read (see otlp.proto)
        }
    }

    private static int AddNumbers(MetricStore store, Instrument instrument, IEnumerable<NumberDataPoint> points)
    {
        var count = 0;
        foreach (var point in points)
        {
            var value = point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble;
            store.Add(instrument, Attributes(point.Attributes), new MetricPoint(Time(point.TimeUnixNano), value));
            count++;
        }
        return count;
    }

    /// <summary>The instance the AppHost named in <c>service.instance.id</c> (e.g. <c>api-1</c>), else <c>service.name</c>.</summary>
    public static string ResourceName(Proto.Resource? resource)
    {
        string? serviceName = null;
        foreach (var attribute in resource?.Attributes ?? [])
        {
            if (attribute.Key == "service.instance.id" && attribute.Value?.StringValue is { Length: > 0 } instance)
                return instance;
            if (attribute.Key == "service.name")
                serviceName = attribute.Value?.StringValue;
        }
        return serviceName is { Length: > 0 } ? serviceName : "unknown_service";
    }

    public static IReadOnlyList<TelemetryAttribute> Attributes(IEnumerable<KeyValue> attributes) =>
        attributes.Select(a => new TelemetryAttribute(a.Key, a.Value is null ? "" : Text(a.Value))).ToList();

    public static string Text(AnyValue value) => value.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => $"[{string.Join(", ", value.ArrayValue.Values.Select(Text))}]",
        AnyValue.ValueOneofCase.KvlistValue => $"{{{string.Join(", ", value.KvlistValue.Values.Select(kv => $"{kv.Key}: {(kv.Value is null ? "" : Text(kv.Value))}"))}}}",
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        _ => "",
    };

    /// <summary>Trace and span ids as lower-case hex, as W3C trace context writes them; null when absent or all zero.</summary>
    private static string? Id(ByteString id) =>
        id.IsEmpty || id.Span.IndexOfAnyExcept((byte)0) < 0 ? null : Convert.ToHexStringLower(id.Span);

    private static readonly ulong MaxTicks = (ulong)(DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks;

    private static DateTimeOffset Time(ulong unixNano) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)Math.Min(unixNano / 100, MaxTicks));

    /// <summary>The .NET log levels by OTLP severity number ranges (1–4 trace … 21–24 fatal).</summary>
    public static string SeverityName(int severityNumber) => severityNumber switch
    {
        <= 0 => "Unspecified",
        <= 4 => "Trace",
        <= 8 => "Debug",
        <= 12 => "Information",
        <= 16 => "Warning",
        <= 20 => "Error",
        _ => "Critical",
    };

    private static string KindName(Span.Types.SpanKind kind) => kind switch
    {
        Span.Types.SpanKind.Server => "Server",
        Span.Types.SpanKind.Client => "Client",
        Span.Types.SpanKind.Producer => "Producer",
        Span.Types.SpanKind.Consumer => "Consumer",
        _ => "Internal",
    };
}
