using Fever.Benchmarks.Api;
using Fever.Benchmarks.Load;
using Fever.ProviderSimulator;

namespace Fever.Benchmarks.GraphQL;

/// <summary>
/// <c>POST /graphql</c> under load beside <c>GET /search</c>: the api scenario's setup (a generated feed stored by the
/// worker, Fever.Api loading it), then wrk drives the first page of <c>events(first: 50)</c> and the api scenario's narrow
/// <c>/search</c> query against the same API process, in the same run. GraphQL reads every page from PostgreSQL through
/// EF Core; <c>/search</c> answers from the in-memory snapshot: the ratio is what a GraphQL page costs next to it.
/// </summary>
public sealed class GraphQLBenchmark(GeneratedFeedOptions feed, TimeSpan loadDuration) : IBenchmark
{
    private const string GraphQLTarget = "graphql";
    private const string SearchTarget = "search";

    /// <summary>
    /// A tripwire, not a target: a page read from PostgreSQL measured 1.8–3.2% of narrow /search's throughput on this
    /// machine (about 1.5 ms of CPU against 50–70 µs); below 1%, a page costs twice as much or more.
    /// </summary>
    private const double MinimumShare = 0.01;

    /// <summary>
    /// Longer than /search's: on this 2-core machine under load, GraphQL's throughput takes about 8 s of load to level
    /// off (the tiered JIT recompiling the engine's and EF Core's hot paths, 64 new PostgreSQL backends warming up).
    /// </summary>
    private static readonly TimeSpan GraphQLWarmUp = TimeSpan.FromSeconds(15);

    /// <summary>The api scenario's feed, so that the figures of the two scenarios compare.</summary>
    public static GeneratedFeedOptions DefaultFeed => ApiBenchmark.DefaultFeed;

    public string Name => "graphql";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        Wrk.EnsureInstalled();
        var generated = new GeneratedFeed(feed);

        await using var served = await ServedFeed.StartAsync(Name, feed, cancellationToken);
        var api = served.Api;
        Progress.Report(Name, "asking each query once and checking the answers");
        var graphQLQuery = await GraphQLQueries.CaptureAsync(api.BaseAddress, generated.PlanCount, cancellationToken);
        var searchQuery = (await SearchQueries.CaptureAsync(api.BaseAddress, generated.PlanCount, cancellationToken))
            .Single(q => q.Name == SearchQueries.Narrow);

        using var script = WrkScript.PostExpecting(GraphQLQuery.ContentType, graphQLQuery.Body, graphQLQuery.Answer.Body);
        var graphQL = await SearchLoad.MeasureAsync(
            Name, graphQLQuery.Name, GraphQLTarget, graphQLQuery.On(api.BaseAddress), script, GraphQLWarmUp, loadDuration, cancellationToken);
        var search = await SearchLoad.MeasureAsync(Name, searchQuery, SearchTarget, api.BaseAddress, loadDuration, cancellationToken);
        var apiProcess = await api.StopAsync(cancellationToken);

        Report(output, generated, new GraphQLComparison(graphQLQuery, searchQuery, graphQL, search), apiProcess);
    }

    private void Report(TextWriter output, GeneratedFeed generated, GraphQLComparison comparison, ProcessMeasurement apiProcess)
    {
        var (graphQLQuery, searchQuery) = (comparison.GraphQLQuery, comparison.SearchQuery);
        output.WriteLine(
            $"GraphQL under load: POST {GraphQLQuery.Path} of Fever.Api (a page read from PostgreSQL) beside GET {SearchQuery.Path} " +
            $"(answered from memory) on the same API process; " +
            $"{generated.PlanCount} events ({feed.BasePlans} base plans x {feed.PlansPerBase} plans x {feed.ZonesPerPlan} zones) stored by one worker run");
        output.WriteLine(
            $"load: {SearchLoad.Describe(loadDuration, WarmUps)}, " +
            $"over loopback; wrk, the API and PostgreSQL share this machine's {Environment.ProcessorCount} cores");
        output.WriteLine(
            $"{graphQLQuery.Name}: POST {GraphQLQuery.Path} {{\"query\":\"{graphQLQuery.Document}\"}} -> {graphQLQuery.Answer.Starts.Count} events, " +
            $"{graphQLQuery.Answer.Body.Length:#,0} bytes (wrk's script compares every answer with it)");
        output.WriteLine(
            $"{searchQuery.Name}: GET {searchQuery.PathAndQuery} -> {searchQuery.Answer.Events.Count} events, {searchQuery.Answer.Body.Length:#,0} bytes");
        output.WriteLine();

        var table = new BenchmarkTable("query", "target", "req/s", "p50 ms", "p99 ms", "graphql/search");
        table.AddRow(Row(graphQLQuery.Name, GraphQLTarget, comparison.GraphQL, $"{comparison.ShareOfSearch:0.0%}"));
        table.AddRow(Row(searchQuery.Name, SearchTarget, comparison.Search, ""));
        table.WriteTo(output);
        output.WriteLine($"req/s: wrk's Requests/sec; p50, p99: its latency distribution, per request at {SearchLoad.Connections} connections.");
        output.WriteLine(
            $"api process: peak RSS {ByteUnits.FormatMebibytes(apiProcess.PeakResidentBytes)} MiB (highest VmHWM/VmRSS from launch to exit; 1 MiB = 2^20 bytes); " +
            $"exit code {apiProcess.ExitCode} after SIGTERM");
        output.WriteLine();

        var fastEnough = comparison.ShareOfSearch >= MinimumShare;
        output.WriteLine(
            $"goal: {graphQLQuery.Name} >= {MinimumShare:0%} of narrow /search req/s: {GoalVerdict.Of(fastEnough)} ({comparison.ShareOfSearch:0.0%}), " +
            $"measured on {Environment.ProcessorCount} shared cores");
        output.WriteLine(
            $"summary: graphql {comparison.GraphQL.RequestsPerSecond:#,0} req/s, p99 {Milliseconds(comparison.GraphQL.Percentile99)} ms; " +
            $"search {comparison.Search.RequestsPerSecond:#,0} req/s, p99 {Milliseconds(comparison.Search.Percentile99)} ms: " +
            (fastEnough ? "goal met" : "goal missed"));
    }

    private static string WarmUps =>
        $"a discarded warm-up of {GraphQLWarmUp.TotalSeconds} s ({GraphQLTarget}) or {SearchLoad.WarmUp.TotalSeconds} s ({SearchTarget})";

    private static string[] Row(string query, string target, WrkReport report, string share) =>
        [query, target, $"{report.RequestsPerSecond:#,0}", Milliseconds(report.Median), Milliseconds(report.Percentile99), share];

    private static string Milliseconds(TimeSpan latency) => $"{latency.TotalMilliseconds:0.00}";
}
