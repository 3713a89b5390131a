using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Fever.AppHost.Dashboard.Otlp;
using Fever.AppHost.Dashboard.Otlp.Proto;
using Proto = Fever.AppHost.Dashboard.Otlp.Proto;
using Fever.AppHost.Dashboard.Telemetry;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Fever.Tests.Dashboard;

/// <summary>
/// The receiver fed by the real OpenTelemetry .NET OTLP exporter (HTTP/protobuf), as the services feed it: what
/// the exporter sends is what the dashboard keeps, field by field.
/// </summary>
public sealed class OtlpReceiverTests
{
    private static readonly ResourceBuilder Resource = ResourceBuilder.CreateEmpty()
        .AddService("api", serviceInstanceId: "api-1");

    [Fact]
    public async Task Spans_from_the_exporter_keep_their_ids_parent_names_kind_times_status_attributes_and_events()
    {
        await using var receiver = await OtlpReceiverHost.StartAsync();
        using var source = new ActivitySource($"Fever.Tests.{Guid.NewGuid():N}");
        string traceId, rootId;
        using (var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(Resource).AddSource(source.Name)
                   .AddOtlpExporter(options => Configure(options, receiver, "traces")).Build())
        {
            using (var root = source.StartActivity("sync run", ActivityKind.Internal)!)
            {
                traceId = root.TraceId.ToHexString();
                rootId = root.SpanId.ToHexString();
                root.SetTag("fever.sync.attempts", 3);
                root.SetTag("ratio", 0.5);
                root.SetTag("ok", true);
                root.SetTag("reasons", new[] { "a", "b" });
                using (var child = source.StartActivity("GET", ActivityKind.Client)!)
                {
                    child.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection { ["attempt"] = 2 }));
                    child.SetStatus(ActivityStatusCode.Error, "provider answered 503");
                }
            }
            tracing.ForceFlush();
        }

        var trace = receiver.Telemetry.Traces.Get(traceId);
        Assert.NotNull(trace);
        Assert.Equal(["sync run", "GET"], trace.Spans.Select(s => s.Span.Name));
        Assert.Equal([0, 1], trace.Spans.Select(s => s.Depth));
        var (root2, child2) = (trace.Spans[0].Span, trace.Spans[1].Span);
        Assert.Equal(rootId, root2.SpanId);
        Assert.Null(root2.ParentSpanId);
        Assert.Equal(rootId, child2.ParentSpanId);
        Assert.Equal("api-1", root2.Resource);
        Assert.Equal(source.Name, root2.Scope);
        Assert.Equal(("Internal", "Client"), (root2.Kind, child2.Kind));
        Assert.Equal(("Error", "provider answered 503"), (child2.Status, child2.StatusMessage));
        Assert.Equal("Unset", root2.Status);
        Assert.Contains(new TelemetryAttribute("fever.sync.attempts", "3"), root2.Attributes);
        Assert.Contains(new TelemetryAttribute("ratio", "0.5"), root2.Attributes);
        Assert.Contains(new TelemetryAttribute("ok", "true"), root2.Attributes);
        Assert.Contains(new TelemetryAttribute("reasons", "[a, b]"), root2.Attributes);
        Assert.Equal("retry", Assert.Single(child2.Events).Name);
        Assert.Equal(new TelemetryAttribute("attempt", "2"), Assert.Single(child2.Events[0].Attributes));
        Assert.True(root2.Start <= child2.Start && child2.End <= root2.End);
        Assert.InRange(root2.Start, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);

        var summary = Assert.Single(receiver.Telemetry.Traces.Query(new TraceQuery(Resource: "api-1")));
        Assert.Equal(("sync run", 2, 1), (summary.Name, summary.SpanCount, summary.ErrorCount));
    }

    [Fact]
    public async Task Logs_from_the_exporter_keep_level_formatted_message_category_scope_attributes_and_trace_context()
    {
        await using var receiver = await OtlpReceiverHost.StartAsync();
        var processor = new SimpleLogRecordExportProcessor(new OtlpLogExporter(Configure(new OtlpExporterOptions(), receiver, "logs")));
        using (var loggerFactory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(options =>
               {
                   options.SetResourceBuilder(Resource);
                   options.IncludeFormattedMessage = true;
                   options.IncludeScopes = true;
                   options.AddProcessor(processor);
               })))
        {
            var logger = loggerFactory.CreateLogger("Fever.Sync.SyncWorker");
            using var activity = new Activity("run").Start();
            using (logger.BeginScope(new Dictionary<string, object> { ["RunId"] = 42 }))
                logger.LogWarning("Provider answered {Status} after {Attempts} attempts", 503, 3);
            logger.LogInformation("Run finished");
        }

        var logs = receiver.Telemetry.Logs.Query(new LogQuery());
        Assert.Equal(2, logs.Count);
        var warning = logs[0];
        Assert.Equal("Provider answered 503 after 3 attempts", warning.Message);
        Assert.Equal(("Warning", 13), (warning.Severity, warning.SeverityNumber));
        Assert.Equal("Fever.Sync.SyncWorker", warning.Category);
        Assert.Equal("api-1", warning.Resource);
        Assert.Contains(new TelemetryAttribute("Status", "503"), warning.Attributes);
        Assert.Contains(new TelemetryAttribute("RunId", "42"), warning.Attributes);
        Assert.NotNull(warning.TraceId);
        Assert.Equal([1, 2], logs.Select(l => l.Id));

        Assert.Equal(["Provider answered 503 after 3 attempts"], receiver.Telemetry.Logs.Query(new LogQuery(MinSeverity: 13)).Select(l => l.Message));
        Assert.Equal(["Run finished"], receiver.Telemetry.Logs.Query(new LogQuery(Text: "finished")).Select(l => l.Message));
        Assert.Equal(2, receiver.Telemetry.Logs.Query(new LogQuery(TraceId: warning.TraceId)).Count);
    }

    [Fact]
    public async Task Metrics_from_the_exporter_keep_counters_gauges_and_histogram_buckets_per_attribute_set()
    {
        await using var receiver = await OtlpReceiverHost.StartAsync();
        using var meter = new Meter($"Fever.Tests.{Guid.NewGuid():N}");
        var runs = meter.CreateCounter<long>("fever.sync.runs", "{run}");
        var duration = meter.CreateHistogram<double>("fever.sync.duration", "s");
        var events = 0L;
        meter.CreateObservableGauge("fever.snapshot.events", () => events, "{event}");
        // Only the two flushes export (a third would come when the provider is disposed, after the assertions).
        using var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(Resource).AddMeter(meter.Name)
            .AddOtlpExporter((options, reader) =>
            {
                Configure(options, receiver, "metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 600_000;
            }).Build();
        runs.Add(1, new KeyValuePair<string, object?>("outcome", "Succeeded"));
        duration.Record(0.2);
        duration.Record(0.7);
        events = 3;
        metrics.ForceFlush();
        runs.Add(2, new KeyValuePair<string, object?>("outcome", "Succeeded"));
        runs.Add(1, new KeyValuePair<string, object?>("outcome", "Failed"));
        duration.Record(3);
        events = 5;
        metrics.ForceFlush();

        Assert.Equal(["fever.snapshot.events", "fever.sync.duration", "fever.sync.runs"],
            receiver.Telemetry.Metrics.Instruments("api-1").Select(i => i.Name));
        var runsChart = receiver.Telemetry.Metrics.Chart("api-1", "fever.sync.runs")!;
        Assert.Equal((InstrumentKind.Counter, "{run}", meter.Name), (runsChart.Kind, runsChart.Unit, runsChart.Meter));
        Assert.Equal(["outcome=Failed", "outcome=Succeeded"], runsChart.Series.Select(s => s.Attributes).Order());
        Assert.Contains(runsChart.Series, s => s is { Attributes: "outcome=Succeeded", Latest: "3 {run}" });

        var gauge = receiver.Telemetry.Metrics.Chart("api-1", "fever.snapshot.events")!;
        Assert.Equal(InstrumentKind.Gauge, gauge.Kind);
        Assert.Equal([3d, 5d], Assert.Single(gauge.Panels).Lines.Single().Points.Select(p => p.Value));

        var histogram = receiver.Telemetry.Metrics.Chart("api-1", "fever.sync.duration")!;
        Assert.Equal(InstrumentKind.Histogram, histogram.Kind);
        Assert.StartsWith("3 measurements, mean 1.3 s", Assert.Single(histogram.Series).Latest);
        // Between the two exports one measurement (3 s) fell in the default buckets' (2.5, 5] bucket.
        var rate = histogram.Panels[1].Lines.Single().Points.Single().Value;
        Assert.True(rate > 0);
        var p50 = histogram.Panels[0].Lines.Single(l => l.Label == "p50").Points.Single().Value;
        Assert.InRange(p50, 2.5, 5);
    }

    [Fact]
    public async Task A_gzip_body_is_read_and_json_or_a_broken_body_are_refused_with_their_status()
    {
        await using var receiver = await OtlpReceiverHost.StartAsync();
        using var http = new HttpClient { BaseAddress = receiver.Endpoint };
        var request = new ExportLogsServiceRequest
        {
            ResourceLogs =
            {
                new ResourceLogs
                {
                    Resource = new Proto.Resource { Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = "sync" } } } },
                    ScopeLogs = { new ScopeLogs { LogRecords = { new Proto.LogRecord { SeverityNumber = 17, Body = new AnyValue { StringValue = "zipped" } } } } },
                },
            },
        };

        using var zipped = new ByteArrayContent(Gzip(request.ToByteArray()));
        zipped.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        zipped.Headers.ContentEncoding.Add("gzip");
        using var accepted = await http.PostAsync("/v1/logs", zipped);
        using var json = await http.PostAsync("/v1/logs", new StringContent("{}", MediaTypeHeaderValue.Parse("application/json")));
        using var broken = new ByteArrayContent([0x0a, 0xff, 0xff]);
        broken.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        using var refused = await http.PostAsync("/v1/traces", broken);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("application/x-protobuf", accepted.Content.Headers.ContentType?.MediaType);
        var kept = Assert.Single(receiver.Telemetry.Logs.Query(new LogQuery()));
        Assert.Equal(("sync", "zipped", "Error"), (kept.Resource, kept.Message, kept.Severity));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not a valid ExportTraceServiceRequest", await refused.Content.ReadAsStringAsync());
    }

    private static OtlpExporterOptions Configure(OtlpExporterOptions options, OtlpReceiverHost receiver, string signal)
    {
        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        options.Endpoint = new Uri(receiver.Endpoint, $"v1/{signal}");
        options.ExportProcessorType = ExportProcessorType.Simple;
        return options;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(bytes);
        return output.ToArray();
    }
}
