using Fever.Testing;
using Fever.Tests.AppHost;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.Telemetry;

/// <summary>
/// What AddServiceDefaults exports, seen from the real Aspire dashboard run on its own: a real API process, its request
/// spans named by route, its health probes left out, and everything still buffered flushed when it is stopped with SIGTERM.
/// </summary>
public sealed class ServiceDefaultsTelemetryTests
{
    [Fact]
    public async Task Spans_buffered_at_sigterm_are_flushed_and_health_probes_are_not_traced()
    {
        var setup = StandaloneDashboard.OnFreePorts();
        await using var dashboardProcess = ChildProcess.Start(setup.StartInfo());
        using var dashboard = new DashboardTelemetry(setup.Frontend, setup.ApiKey);
        await Eventually.WaitUntilAsync(async () => await dashboard.AnswersAsync(), TimeSpan.FromSeconds(60));

        var nowhere = $"Host=127.0.0.1;Port={LoopbackPort.Free()};Database=feverdb;Username=postgres;Password=x;Timeout=2";
        await using var api = ServiceProcess.Start("Fever.Api", new Dictionary<string, string>
        {
            ["ConnectionStrings__feverdb"] = nowhere,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = setup.OtlpEndpoint.GetLeftPart(UriPartial.Authority),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = $"x-otlp-api-key={setup.OtlpApiKey}",
            ["OTEL_SERVICE_NAME"] = "api",
            // Nothing is exported on a schedule during the test: only the flush at shutdown can deliver.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "600000",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "600000",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "600000",
        });
        using var http = new HttpClient { BaseAddress = api.Url };
        await Eventually.WaitUntilAsync(async () => await ApiProcess.HealthAsync(http) == "Unhealthy", TimeSpan.FromSeconds(30), api);
        using (await http.GetAsync("/search?starts_at=2021-01-01T00:00:00Z"))
        using (await http.GetAsync("/alive"))
            Assert.Empty(await dashboard.SpansAsync("api"));

        Assert.Equal(0, await api.StopAsync(TimeSpan.FromSeconds(20)));

        IReadOnlyList<TelemetrySpan> spans = [];
        await Eventually.WaitUntilAsync(async () => (spans = await dashboard.SpansAsync("api")).Any(s => s.Name == "GET /search"), TimeSpan.FromSeconds(30));
        var search = spans.Single(s => s.Name == "GET /search");
        Assert.Equal("503", search.Attributes["http.response.status_code"]);
        Assert.StartsWith("?starts_at=", search.Attributes["url.query"], StringComparison.Ordinal); // values redacted by the instrumentation
        Assert.DoesNotContain(spans, s => s.Name.Contains("/health", StringComparison.Ordinal) || s.Name.Contains("/alive", StringComparison.Ordinal));
        Assert.Contains(await dashboard.LogsAsync("api"), l => l.Scope == "Microsoft.Hosting.Lifetime");
    }
}
