using System.Diagnostics;
using Fever.Benchmarks.Api;
using Fever.Benchmarks.Load;
using Fever.ProviderSimulator;
using Fever.Testing;

namespace Fever.Benchmarks.Telemetry;

/// <summary>
/// What exporting telemetry costs <c>GET /search</c>: the api scenario's setup (a generated feed stored by the worker,
/// Fever.Api's Release build as its own process), and wrk driving the narrow query against a fresh API process three
/// times on the same data: export off, export on (OTLP/HTTP protobuf to the real Aspire dashboard as its own process, with
/// the variables Aspire's AppHost gives a project), export off again, so that the machine's drift shows. With export on,
/// every request's server span (always sampled) and its <c>http.server.request.duration</c> measurement leave the API;
/// what the dashboard stored of them is counted through its telemetry HTTP API.
/// </summary>
public sealed class TelemetryBenchmark(GeneratedFeedOptions feed, TimeSpan loadDuration) : IBenchmark
{
    /// <summary>
    /// A tripwire, not a target: export on must keep at least 25% of export off's throughput. Export off has no
    /// OpenTelemetry at all; with export on, a request costs the API about 20 µs more CPU (the span, the request-duration
    /// histogram, the exporter's batching and protobuf), next to 25–30 µs for the request itself, and the dashboard
    /// 20–25 µs per request, on the same two cores, as when the AppHost runs locally. Measured 53.0–56.5% (three runs on
    /// a machine loaded by other builds; 19.7% in a 5 s run beside another AppHost's tests). That holds only because the dashboard stores about one span in twenty (see
    /// <see cref="MinimumDelivered"/>): at 490–550 µs of its CPU per span stored, the share would fall toward 25% were it
    /// to store four times as many.
    /// </summary>
    private const double MinimumShare = 0.25;

    /// <summary>
    /// The target: the dashboard stores the span of at least 90% of the requests wrk completed with export on, so that
    /// the on/off ratio includes what storing them costs. Missed with the Aspire dashboard 13.6.5: 4.0–4.6% in three
    /// runs. Its OTLP endpoint answers an export once it has written the spans to its SQLite store, 490–550 µs of its CPU
    /// per span (about 0.3 s per batch of 512 on a quiet core), and the batch exporter waits for each answer before its
    /// next POST, so 550–750 spans a second get through while the API serves 15–18 thousand requests; the API drops the
    /// rest (the batch exporter drops a span when its queue of 2,048 is full). The home-made receiver this scenario
    /// measured before spent 22–30 µs a span and got 81–99% of them. Only a load under what the dashboard stores would
    /// meet it; a saturating load with every request traced does not, which is what this goal reports.
    /// </summary>
    private const double MinimumDelivered = 0.90;

    private static readonly bool[] ExportOrder = [false, true, false];

    /// <summary>The api scenario's feed, so that the figures of the two scenarios compare.</summary>
    public static GeneratedFeedOptions DefaultFeed => ApiBenchmark.DefaultFeed;

    public string Name => "telemetry";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        Wrk.EnsureInstalled();
        var dashboardBinary = StandaloneDashboard.Locate(); // before the setup: a missing dashboard fails at once
        var generated = new GeneratedFeed(feed);

        await using var stored = await StoredFeed.StartAsync(Name, feed, cancellationToken);
        Progress.Report(Name, $"starting the Aspire dashboard {StandaloneDashboard.Version} ({dashboardBinary})");
        await using var dashboard = await AspireDashboard.StartAsync(cancellationToken);
        var startedRss = dashboard.PeakResidentBytes;
        SearchQuery? narrow = null;
        long? exportingRss = null;
        var counts = await dashboard.Api.CountAsync(cancellationToken);
        var runs = new List<TelemetryRun>();
        foreach (var exporting in ExportOrder)
        {
            var number = runs.Count + 1;
            Progress.Report(Name, $"run {number}: starting Fever.Api with export {Export(exporting)} and waiting for /health to be Healthy");
            var environment = exporting
                ? AppHostTelemetryEnvironment.ExportingTo(dashboard.OtlpEndpoint, dashboard.OtlpApiKey)
                : AppHostTelemetryEnvironment.ExportOff;
            await using var api = await ApiProcess.StartHealthyAsync(stored.ConnectionString, environment, cancellationToken);
            narrow ??= await CaptureNarrowAsync(api.BaseAddress, generated.PlanCount, cancellationToken);
            await narrow.EnsureSameAnswerAsync(api.BaseAddress, "the first API process", cancellationToken);

            runs.Add(await MeasureAsync(number, exporting, api, dashboard, narrow, cancellationToken));
            var after = await dashboard.Api.CountAsync(cancellationToken); // after the CPU reading: counting costs the dashboard CPU
            if (exporting)
                exportingRss = dashboard.PeakResidentBytes; // before ReadReceivedAsync below lists every span
            else if (!after.SameAs(counts))
                throw new BenchmarkException(
                    $"The dashboard held {counts} before run {number} and {after} after it, with export off: " +
                    "the API exports without OTEL_EXPORTER_OTLP_ENDPOINT, so export off would not measure what it says.");
            counts = after;
        }

        // Only the export-on run sent anything (checked above), and the dashboard has stored its last exports.
        var received = await ReadReceivedAsync(dashboard, counts, cancellationToken);
        Report(output, generated, narrow!, new TelemetryComparison(runs), received, dashboard, startedRss, exportingRss);
    }

    private async Task<SearchQuery> CaptureNarrowAsync(Uri api, int storedEvents, CancellationToken cancellationToken)
    {
        Progress.Report(Name, "asking each query once and checking the answers");
        var queries = await SearchQueries.CaptureAsync(api, storedEvents, cancellationToken);
        return queries.Single(q => q.Name == SearchQueries.Narrow);
    }

    /// <summary>
    /// wrk's load on the API and the CPU time the API spent on it; then the API stops (flushing what it has not exported
    /// yet) and the dashboard stores the last of it: its CPU time is counted from the load's start to then.
    /// </summary>
    private async Task<TelemetryRun> MeasureAsync(
        int number, bool exporting, ApiProcess api, AspireDashboard dashboard, SearchQuery query, CancellationToken cancellationToken)
    {
        using var script = WrkScript.GetExpecting(query.Answer.Body);
        var (apiBefore, dashboardBefore) = (api.ProcessorTime, dashboard.ProcessorTime);
        var load = await SearchLoad.RunAsync(
            Name, query.Name, $"API (run {number}, export {Export(exporting)})", query.On(api.BaseAddress), script,
            SearchLoad.WarmUp, loadDuration, cancellationToken);
        var apiCpu = api.ProcessorTime - apiBefore;
        var apiExit = await api.StopAsync(cancellationToken);
        await dashboard.WaitUntilIdleAsync(cancellationToken);
        return new TelemetryRun(number, exporting, load, apiExit, apiCpu, dashboard.ProcessorTime - dashboardBefore);
    }

    /// <summary>Export on must have delivered: spans of /search, and metrics.</summary>
    private async Task<ReceivedTelemetry> ReadReceivedAsync(AspireDashboard dashboard, DashboardCounts counts, CancellationToken cancellationToken)
    {
        Progress.Report(Name, "listing what the dashboard stored through its telemetry API");
        var received = await ReceivedTelemetry.ReadAsync(dashboard.Api, counts, cancellationToken);
        if (received.SearchSpans == 0 || !received.HasMetrics)
            throw new BenchmarkException(
                $"With export on, the dashboard stored {received.SearchSpans} '{ReceivedTelemetry.SearchSpanName}' server spans " +
                $"{(received.HasMetrics ? "and" : "and no metrics")} ({received.Counts}): the run would not measure the cost of exporting.");
        return received;
    }

    private void Report(
        TextWriter output, GeneratedFeed generated, SearchQuery narrow, TelemetryComparison comparison, ReceivedTelemetry received,
        AspireDashboard dashboard, long? startedRss, long? exportingRss)
    {
        output.WriteLine(
            $"Telemetry export under load: GET /search of Fever.Api with OpenTelemetry export off, on, off, each run a fresh API process " +
            $"on the same data; {generated.PlanCount} events ({feed.BasePlans} base plans x {feed.PlansPerBase} plans x {feed.ZonesPerPlan} zones) " +
            "stored by one worker run");
        output.WriteLine(
            $"load: {SearchLoad.Describe(loadDuration)}, over loopback; " +
            $"wrk, the API and the Aspire dashboard share this machine's {Environment.ProcessorCount} cores");
        output.WriteLine(
            $"{narrow.Name}: GET {narrow.PathAndQuery} -> {narrow.Answer.Events.Count} events, {narrow.Answer.Body.Length:#,0} bytes " +
            "(wrk's script compares every answer with it)");
        output.WriteLine(
            $"export on: {AppHostTelemetryEnvironment.Describe(AppHostTelemetryEnvironment.ExportingTo(dashboard.OtlpEndpoint, dashboard.OtlpApiKey))} " +
            $"(as Aspire's AppHost sets them), to the Aspire dashboard {StandaloneDashboard.Version} (its own process, OTLP/HTTP, standalone, " +
            $"persistence None: its SQLite store in a temporary database; MaxTraceCount {AspireDashboard.MaxTraceCount:#,0}, the default); " +
            $"export off: {AppHostTelemetryEnvironment.Describe(AppHostTelemetryEnvironment.ExportOff)} (no exporter)");
        output.WriteLine();

        var table = new BenchmarkTable("run", "export", "req/s", "p50 ms", "p99 ms", "API CPU us/req", "dashboard CPU us/req", "API peak RSS MiB", "on/off");
        foreach (var run in comparison.Runs)
        {
            var report = run.Load.Measured;
            table.AddRow(
                $"{run.Number}", Export(run.Exporting), $"{report.RequestsPerSecond:#,0}", Milliseconds(report.Median), Milliseconds(report.Percentile99),
                Microseconds(run.ApiCpuPerRequest), Microseconds(run.DashboardCpuPerRequest), ByteUnits.FormatMebibytes(run.Api.PeakResidentBytes),
                run.Exporting ? $"{comparison.ShareOfOff:0.0%}" : "");
        }
        table.WriteTo(output);
        output.WriteLine(
            $"req/s: wrk's Requests/sec; p50, p99: its latency distribution, per request at {SearchLoad.Connections} connections; " +
            "CPU us/req: the CPU time of the API process over the warm-up and the measured run, and of the dashboard's from the " +
            "warm-up's start until it had stored the stopped API's last export, per request wrk completed; " +
            $"peak RSS: the API process's highest VmHWM/VmRSS from launch to exit (1 MiB = 2^20 bytes); " +
            $"on/off: req/s of export on / the mean of the export-off runs ({comparison.OffRequestsPerSecond:#,0}); " +
            $"the second export-off run differs from the first by {comparison.OffDrift:+0.0%;-0.0%}");

        var on = comparison.On;
        var delivered = received.SearchSpans / (double)on.Load.Requests;
        var atLeast = received.ReachedCap ? "at least " : "";
        output.WriteLine(
            $"stored by the dashboard with export on (listed through its telemetry API once the API had flushed and exited and the dashboard was idle): " +
            $"{received.SearchSpans:#,0} '{ReceivedTelemetry.SearchSpanName}' server spans, {atLeast}{delivered:0.0%} of the " +
            $"{on.Load.Requests:#,0} requests wrk completed (warm-up included)" +
            (received.ReachedCap ? $", the dashboard having reached its cap of {AspireDashboard.MaxTraceCount:#,0} traces" : "") +
            $"; {received.OtherSpans:#,0} other spans (the API's start-up queries); {received.Counts.Logs:#,0} log records; metrics: " +
            (received.HasMetrics ? "yes" : "none") + $"; the dashboard's CPU per span stored: {Microseconds(on.DashboardCpu / received.SearchSpans)} us");
        output.WriteLine(
            $"dashboard peak RSS: {ByteUnits.FormatMebibytes(exportingRss)} MiB after the export-on run " +
            $"({ByteUnits.FormatMebibytes(startedRss)} MiB once started)");
        output.WriteLine();

        var fastEnough = comparison.ShareOfOff >= MinimumShare;
        var deliveredEnough = delivered >= MinimumDelivered;
        output.WriteLine(
            $"goals: export on >= {MinimumShare:0%} of export off's req/s: {GoalVerdict.Of(fastEnough)} ({comparison.ShareOfOff:0.0%}), " +
            $"measured on {Environment.ProcessorCount} cores shared with wrk and the dashboard; " +
            $"spans stored >= {MinimumDelivered:0%} of the requests: {GoalVerdict.Of(deliveredEnough)} ({atLeast}{delivered:0.0%})");
        output.WriteLine(
            $"summary: export on keeps {comparison.ShareOfOff:0.0%} of the throughput of export off " +
            $"({on.Load.Measured.RequestsPerSecond:#,0} against {comparison.OffRequestsPerSecond:#,0} req/s), " +
            $"p99 {Milliseconds(on.Load.Measured.Percentile99)} ms against {string.Join(" and ", comparison.Off.Select(r => Milliseconds(r.Load.Measured.Percentile99)))} ms; " +
            $"a request costs the API {Microseconds(on.ApiCpuPerRequest)} us of CPU against {Microseconds(comparison.OffApiCpuPerRequest)}, " +
            $"and the dashboard {Microseconds(on.DashboardCpuPerRequest)} us; {atLeast}{delivered:0.0%} of the requests' spans stored: " +
            (fastEnough && deliveredEnough ? "all goals met" : "goals missed"));
    }

    private static string Export(bool exporting) => exporting ? "on" : "off";

    private static string Milliseconds(TimeSpan latency) => $"{latency.TotalMilliseconds:0.00}";

    private static string Microseconds(TimeSpan time) => $"{time.TotalMicroseconds:0}";
}
