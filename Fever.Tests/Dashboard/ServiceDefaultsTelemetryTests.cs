using Fever.AppHost.Dashboard.Otlp;
using Fever.AppHost.Dashboard.Telemetry;
using Fever.Testing;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.Dashboard;

/// <summary>
/// What AddServiceDefaults exports, seen from an OTLP receiver: a real API process, its request spans named by
/// route, its health probes left out, and everything still buffered flushed when it is stopped with SIGTERM.
/// </summary>
public sealed class ServiceDefaultsTelemetryTests
{
    [Fact]
    public async Task Spans_buffered_at_sigterm_are_flushed_and_health_probes_are_not_traced()
    {
        await using var receiver = await OtlpReceiverHost.StartAsync();
        var nowhere = $"Host=127.0.0.1;Port={LoopbackPort.Free()};Database=feverdb;Username=postgres;Password=x;Timeout=2";
        await using var api = ServiceProcess.Start("Fever.Api", new Dictionary<string, string>
        {
            ["ConnectionStrings__feverdb"] = nowhere,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "api",
            // Nothing is exported on a schedule during the test: only the flush at shutdown can deliver.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "600000",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "600000",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "600000",
        });
        using var http = new HttpClient { BaseAddress = api.Url };
        await Eventually.WaitUntilAsync(async () => await ApiProcess.HealthAsync(http) == "Unhealthy", TimeSpan.FromSeconds(30), api);
        using var search = await http.GetAsync("/search?starts_at=2021-01-01T00:00:00Z");
        using var alive = await http.GetAsync("/alive");
        Assert.Empty(receiver.Telemetry.Traces.Query(new TraceQuery()));

        Assert.Equal(0, await api.StopAsync(TimeSpan.FromSeconds(20)));

        var traces = receiver.Telemetry.Traces.Query(new TraceQuery());
        var searchTrace = Assert.Single(traces, t => t.Name == "GET /search");
        var span = receiver.Telemetry.Traces.Get(searchTrace.TraceId)!.Spans[0].Span;
        Assert.Equal("Server", span.Kind);
        Assert.Equal("api", span.Resource);
        Assert.Contains(new TelemetryAttribute("http.response.status_code", "503"), span.Attributes);
        Assert.Contains(new TelemetryAttribute("url.query", "starts_at=2021-01-01T00:00:00Z"), span.Attributes);
        Assert.DoesNotContain(traces, t => t.Name.Contains("/health", StringComparison.Ordinal) || t.Name.Contains("/alive", StringComparison.Ordinal));
        Assert.Contains(receiver.Telemetry.Logs.Query(new LogQuery(Resource: "api")), l => l.Category == "Microsoft.Hosting.Lifetime");
        Assert.Contains("http.server.request.duration", receiver.Telemetry.Metrics.Instruments("api").Select(i => i.Name));
    }
}
