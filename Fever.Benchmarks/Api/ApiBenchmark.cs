using Fever.Benchmarks.Load;
using Fever.ProviderSimulator;

namespace Fever.Benchmarks.Api;

/// <summary>
/// <c>GET /search</c> under load: the worker stores a generated feed in a throwaway PostgreSQL, Fever.Api (its Release
/// build, as its own process) loads it, and wrk drives a narrow and a wide query against it and against a ceiling
/// server that answers the same bytes with no work at all, in the same run and on the same machine.
/// </summary>
public sealed class ApiBenchmark(GeneratedFeedOptions feed, TimeSpan loadDuration) : IBenchmark
{
    private const string ApiTarget = "api";
    private const string CeilingTarget = "ceiling";
    private const double NarrowMinimumShare = 0.70;
    private const double WideMinimumShare = 0.50;
    private static readonly TimeSpan NarrowMaximumP99 = TimeSpan.FromMilliseconds(10);

    /// <summary>10,000 events: 1,000 base plans of 10 plans, with a few zones each (zones only weigh on the sync).</summary>
    public static GeneratedFeedOptions DefaultFeed => new() { BasePlans = 1_000, PlansPerBase = 10, ZonesPerPlan = 4 };

    public string Name => "api";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        Wrk.EnsureInstalled();
        var generated = new GeneratedFeed(feed);

        await using var served = await ServedFeed.StartAsync(Name, feed, cancellationToken);
        var api = served.Api;
        Progress.Report(Name, "asking each query once and checking the answers");
        var queries = await SearchQueries.CaptureAsync(api.BaseAddress, generated.PlanCount, cancellationToken);
        await using var ceiling = await CeilingServer.StartAsync(queries, cancellationToken);

        var comparisons = new List<QueryComparison>();
        foreach (var query in queries)
        {
            var apiReport = await SearchLoad.MeasureAsync(Name, query, ApiTarget, api.BaseAddress, loadDuration, cancellationToken);
            var ceilingReport = await SearchLoad.MeasureAsync(Name, query, CeilingTarget, ceiling.BaseAddress, loadDuration, cancellationToken);
            comparisons.Add(new QueryComparison(query, apiReport, ceilingReport));
        }
        var apiProcess = await api.StopAsync(cancellationToken);

        Report(output, generated, comparisons, apiProcess);
    }

    private void Report(TextWriter output, GeneratedFeed generated, IReadOnlyList<QueryComparison> comparisons, ProcessMeasurement apiProcess)
    {
        output.WriteLine(
            $"API under load: GET /search of Fever.Api against a ceiling (the same bytes from a minimal Kestrel endpoint); " +
            $"{generated.PlanCount} events ({feed.BasePlans} base plans x {feed.PlansPerBase} plans x {feed.ZonesPerPlan} zones) stored by one worker run");
        output.WriteLine(
            $"load: {SearchLoad.Describe(loadDuration)}, " +
            $"over loopback; wrk and the server share this machine's {Environment.ProcessorCount} cores");
        foreach (var comparison in comparisons)
        {
            var answer = comparison.Query.Answer;
            output.WriteLine($"{comparison.Query.Name}: GET {comparison.Query.PathAndQuery} -> {answer.Events.Count} events, {answer.Body.Length:#,0} bytes");
        }
        output.WriteLine();

        var table = new BenchmarkTable("query", "target", "req/s", "p50 ms", "p99 ms", "api/ceiling");
        foreach (var comparison in comparisons)
        {
            table.AddRow(Row(comparison.Query.Name, ApiTarget, comparison.Api, $"{comparison.ShareOfCeiling:0.0%}"));
            table.AddRow(Row(comparison.Query.Name, CeilingTarget, comparison.Ceiling, ""));
        }
        table.WriteTo(output);
        output.WriteLine($"req/s: wrk's Requests/sec; p50, p99: its latency distribution, per request at {SearchLoad.Connections} connections.");
        output.WriteLine(
            $"api process: peak RSS {ByteUnits.FormatMebibytes(apiProcess.PeakResidentBytes)} MiB (highest VmHWM/VmRSS from launch to exit; 1 MiB = 2^20 bytes); " +
            $"exit code {apiProcess.ExitCode} after SIGTERM");
        output.WriteLine();

        var narrow = comparisons.Single(c => c.Query.Name == SearchQueries.Narrow);
        var wide = comparisons.Single(c => c.Query.Name == SearchQueries.Wide);
        var narrowFastEnough = narrow.ShareOfCeiling >= NarrowMinimumShare;
        var narrowQuickEnough = narrow.Api.Percentile99 < NarrowMaximumP99;
        var wideFastEnough = wide.ShareOfCeiling >= WideMinimumShare;
        output.WriteLine(
            $"goals: narrow >= {NarrowMinimumShare:0%} of ceiling req/s: {GoalVerdict.Of(narrowFastEnough)} ({narrow.ShareOfCeiling:0.0%}); " +
            $"narrow p99 < {NarrowMaximumP99.TotalMilliseconds} ms at {SearchLoad.Connections} connections: {GoalVerdict.Of(narrowQuickEnough)} ({Milliseconds(narrow.Api.Percentile99)} ms); " +
            $"wide >= {WideMinimumShare:0%} of ceiling req/s: {GoalVerdict.Of(wideFastEnough)} ({wide.ShareOfCeiling:0.0%})");
        output.WriteLine(
            $"summary: narrow {narrow.Api.RequestsPerSecond:#,0} req/s ({narrow.ShareOfCeiling:0%} of the ceiling), p99 {Milliseconds(narrow.Api.Percentile99)} ms; " +
            $"wide {wide.Api.RequestsPerSecond:#,0} req/s ({wide.ShareOfCeiling:0%} of the ceiling): " +
            (narrowFastEnough && narrowQuickEnough && wideFastEnough ? "all goals met" : "goals missed"));
    }

    private static string[] Row(string query, string target, WrkReport report, string share) =>
        [query, target, $"{report.RequestsPerSecond:#,0}", Milliseconds(report.Median), Milliseconds(report.Percentile99), share];

    private static string Milliseconds(TimeSpan latency) => $"{latency.TotalMilliseconds:0.00}";
}
