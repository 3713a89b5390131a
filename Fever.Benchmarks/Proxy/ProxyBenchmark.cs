using Fever.Benchmarks.Api;
using Fever.Benchmarks.Load;
using Fever.ProviderSimulator;

namespace Fever.Benchmarks.Proxy;

/// <summary>
/// What the AppHost's replica proxy costs: the whole app started through the AppHost's testing harness with the API as
/// two replicas, a generated feed synced by the worker, and wrk driving the api scenario's narrow query against the
/// AppHost's public endpoint (the proxy, handing each connection to the next replica) and against replica api-0 directly.
/// </summary>
public sealed class ProxyBenchmark(GeneratedFeedOptions feed, TimeSpan loadDuration) : IBenchmark
{
    private const int Replicas = 2;
    private const string DirectReplica = "api-0";
    private const string ProxyTarget = "proxy";
    private const string DirectTarget = "direct";
    private const double MinimumShare = 0.60;

    /// <summary>The api scenario's feed, so that the figures of the two scenarios compare.</summary>
    public static GeneratedFeedOptions DefaultFeed => ApiBenchmark.DefaultFeed;

    public string Name => "proxy";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        Wrk.EnsureInstalled();
        var generated = new GeneratedFeed(feed);

        Progress.Report(Name, $"starting the AppHost's app ({Replicas} API replicas) and waiting until each serves the {generated.PlanCount} synced events");
        await using var app = await ReplicatedApp.StartSyncedAsync(feed, Replicas, generated.PlanCount, cancellationToken);
        var direct = app.Replicas[DirectReplica];
        Progress.Report(Name, "asking the narrow query once and checking that every replica and the proxy answer the same");
        var queries = await SearchQueries.CaptureAsync(direct, generated.PlanCount, cancellationToken);
        var narrow = queries.Single(q => q.Name == SearchQueries.Narrow);
        foreach (var address in app.Replicas.Values.Prepend(app.PublicAddress))
            await narrow.EnsureSameAnswerAsync(address, DirectReplica, cancellationToken);

        var comparison = new ProxyComparison(
            narrow,
            await SearchLoad.MeasureAsync(Name, narrow, ProxyTarget, app.PublicAddress, loadDuration, cancellationToken),
            await SearchLoad.MeasureAsync(Name, narrow, DirectTarget, direct, loadDuration, cancellationToken));

        Report(output, generated, comparison);
    }

    private void Report(TextWriter output, GeneratedFeed generated, ProxyComparison comparison)
    {
        var query = comparison.Query;
        output.WriteLine(
            $"Replica proxy: GET /search of Fever.Api started by the AppHost (testing harness, Production) as {Replicas} replicas, through the " +
            $"AppHost's public endpoint (its TCP proxy, handing each connection to the next replica) against replica {DirectReplica} directly; " +
            $"{generated.PlanCount} events ({feed.BasePlans} base plans x {feed.PlansPerBase} plans x {feed.ZonesPerPlan} zones) stored by the worker");
        output.WriteLine(
            $"load: {SearchLoad.Describe(loadDuration)}, " +
            $"over loopback; wrk, the proxy (in this process) and the replicas share this machine's {Environment.ProcessorCount} cores");
        output.WriteLine($"{query.Name}: GET {query.PathAndQuery} -> {query.Answer.Events.Count} events, {query.Answer.Body.Length:#,0} bytes");
        output.WriteLine();

        var table = new BenchmarkTable("query", "target", "req/s", "p50 ms", "p99 ms", "proxy/direct");
        table.AddRow(Row(query.Name, ProxyTarget, comparison.Proxy, $"{comparison.ShareOfDirect:0.0%}"));
        table.AddRow(Row(query.Name, DirectTarget, comparison.Direct, ""));
        table.WriteTo(output);
        output.WriteLine($"req/s: wrk's Requests/sec; p50, p99: its latency distribution, per request at {SearchLoad.Connections} connections.");
        output.WriteLine(
            $"{ProxyTarget}: {Replicas} replicas behind the proxy; {DirectTarget}: {DirectReplica} alone. With every process on the same " +
            $"{Environment.ProcessorCount} cores, a second replica adds no CPU: the ratio is the proxy's cost, not what replicas would scale to.");
        output.WriteLine();

        var fastEnough = comparison.ShareOfDirect >= MinimumShare;
        output.WriteLine(
            $"goal: proxy >= {MinimumShare:0%} of direct req/s: {GoalVerdict.Of(fastEnough)} ({comparison.ShareOfDirect:0.0%}), " +
            $"measured on {Environment.ProcessorCount} shared cores");
        output.WriteLine(
            $"summary: proxy {comparison.Proxy.RequestsPerSecond:#,0} req/s, p99 {Milliseconds(comparison.Proxy.Percentile99)} ms; " +
            $"direct {comparison.Direct.RequestsPerSecond:#,0} req/s, p99 {Milliseconds(comparison.Direct.Percentile99)} ms: " +
            (fastEnough ? "goal met" : "goal missed"));
    }

    private static string[] Row(string query, string target, WrkReport report, string share) =>
        [query, target, $"{report.RequestsPerSecond:#,0}", Milliseconds(report.Median), Milliseconds(report.Percentile99), share];

    private static string Milliseconds(TimeSpan latency) => $"{latency.TotalMilliseconds:0.00}";
}
