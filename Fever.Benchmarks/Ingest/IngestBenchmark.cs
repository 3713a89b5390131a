using Fever.AppHost.Postgres;
using Fever.AppHost.Simulator;

namespace Fever.Benchmarks.Ingest;

/// <summary>
/// End-to-end ingest of a generated feed: the worker, as its own process, reads the feed from the provider simulator
/// and stores it in a throwaway PostgreSQL; first into an empty database (every plan inserted), then again with
/// nothing changed (every plan unchanged). Its throughput is set against a raw download of the same feed.
/// </summary>
public sealed class IngestBenchmark(GeneratedFeedOptions feed) : IBenchmark
{
    private const string Database = "bench";
    private const int RawFetches = 3;
    private const double MinimumMegabytesPerSecond = 20;
    private const double MaximumPeakMebibytes = 300;

    public string Name => "ingest";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        Progress("starting PostgreSQL");
        await using var postgres = await LocalPostgres.StartAsync(new LocalPostgresOptions(), cancellationToken: cancellationToken);
        await postgres.CreateDatabaseAsync(Database, cancellationToken);
        var connectionString = postgres.ConnectionString(Database);

        Progress("rendering the feed and starting the provider simulator");
        await using var simulator = await ProviderSimulator.StartAsync(new ProviderSimulatorOptions { Generated = feed }, cancellationToken);

        Progress($"reference: downloading the feed {RawFetches} times");
        var fetch = await RawFetch.MeasureBestAsync(simulator.FeedUrl, RawFetches, cancellationToken);

        var runs = new List<IngestRun>();
        foreach (var name in new[] { "first load", "unchanged re-sync" })
        {
            Progress($"worker run {runs.Count + 1}: {name}");
            var process = await SyncWorkerProcess.RunOnceAsync(connectionString, simulator.FeedUrl, cancellationToken);
            var record = await SyncRunRecord.ReadLatestAsync(connectionString, cancellationToken);
            if (record.Outcome != "succeeded" || record.FinishedAt is null)
                throw new BenchmarkException($"The worker exited with 0 but its latest run {record.Id} is '{record.Outcome}'.");
            runs.Add(new IngestRun(name, record, process));
        }

        Report(output, fetch, runs);
    }

    private void Report(TextWriter output, Throughput fetch, IReadOnlyList<IngestRun> runs)
    {
        var generated = new GeneratedFeed(feed);
        output.WriteLine(
            $"Ingest of a generated feed: {feed.BasePlans} base plans x {feed.PlansPerBase} plans x {feed.ZonesPerPlan} zones = " +
            $"{generated.PlanCount} plans, {generated.ZoneCount} zones, {ByteUnits.Megabytes(fetch.Bytes):0.0} MB ({fetch.Bytes} bytes; 1 MB = 10^6 bytes)");
        output.WriteLine($"reference: raw HTTP fetch of the feed, best of {RawFetches}: {fetch.MegabytesPerSecond:0.0} MB/s ({fetch.Elapsed.TotalSeconds:0.000} s)");
        output.WriteLine();

        var table = new BenchmarkTable("run", "plans seen", "inserted/updated/unchanged", "run s", "wall s", "MB/s", "% of fetch", "peak RSS MiB");
        foreach (var run in runs)
        {
            var record = run.Record;
            table.AddRow(
                run.Name,
                $"{record.PlansSeen}",
                $"{record.PlansInserted}/{record.PlansUpdated}/{record.PlansUnchanged}",
                $"{record.Duration.TotalSeconds:0.00}",
                $"{run.Process.Wall.TotalSeconds:0.00}",
                $"{record.Throughput.MegabytesPerSecond:0.0}",
                $"{record.Throughput.MegabytesPerSecond / fetch.MegabytesPerSecond:0.0%}",
                Mebibytes(run.Process.PeakResidentBytes));
        }
        table.WriteTo(output);
        output.WriteLine("run s: finished_at - started_at of the worker's sync_runs row (migration check, fetch, parse, store);");
        output.WriteLine("wall s: the worker process from launch to exit (.NET start-up and shutdown included);");
        output.WriteLine("MB/s: bytes_read / run s (1 MB = 10^6 bytes); peak RSS: highest VmHWM/VmRSS of the worker process (1 MiB = 2^20 bytes).");
        foreach (var warning in Warnings(generated, fetch, runs))
            output.WriteLine($"warning: {warning}");
        output.WriteLine();

        var speeds = runs.Select(r => r.Record.Throughput.MegabytesPerSecond).ToList();
        var peaks = runs.Select(r => r.Process.PeakResidentBytes).ToList();
        var fastEnough = speeds.All(s => s >= MinimumMegabytesPerSecond);
        var smallEnough = peaks.All(p => p is { } bytes && ByteUnits.Mebibytes(bytes) < MaximumPeakMebibytes);
        output.WriteLine(
            $"goals: ingest >= {MinimumMegabytesPerSecond} MB/s: {Verdict(fastEnough)} ({string.Join(", ", speeds.Select(s => $"{s:0.0}"))}); " +
            $"peak RSS < {MaximumPeakMebibytes} MiB: {Verdict(smallEnough)} ({string.Join(", ", peaks.Select(Mebibytes))})");
        output.WriteLine(
            $"summary: ingest {string.Join(" / ", speeds.Select(s => $"{s:0.0}"))} MB/s " +
            $"({string.Join(" / ", speeds.Select(s => $"{s / fetch.MegabytesPerSecond:0.0%}"))} of a raw fetch at {fetch.MegabytesPerSecond:0} MB/s), " +
            $"peak RSS {Mebibytes(peaks.Max())} MiB: " +
            (fastEnough && smallEnough ? "all goals met" : "goals missed"));
    }

    /// <summary>Figures that would not measure what the table says they measure.</summary>
    private static IEnumerable<string> Warnings(GeneratedFeed generated, Throughput fetch, IReadOnlyList<IngestRun> runs)
    {
        foreach (var run in runs)
        {
            var record = run.Record;
            if (record.BytesRead != fetch.Bytes)
                yield return $"{run.Name} read {record.BytesRead} bytes of a {fetch.Bytes}-byte feed.";
            if (record.PlansSeen != generated.PlanCount || record.PlansSkipped != 0)
                yield return $"{run.Name} saw {record.PlansSeen} plans and skipped {record.PlansSkipped}; the feed has {generated.PlanCount}.";
        }
        if (runs is [var first, var second, ..])
        {
            if (first.Record.PlansInserted != generated.PlanCount)
                yield return $"{first.Name} inserted {first.Record.PlansInserted} plans, not all {generated.PlanCount}.";
            if (second.Record.PlansUnchanged != generated.PlanCount)
                yield return $"{second.Name} found {second.Record.PlansUnchanged} plans unchanged, not all {generated.PlanCount}.";
        }
    }

    private static string Mebibytes(long? bytes) => bytes is { } known ? $"{ByteUnits.Mebibytes(known):0}" : "n/a";

    private static string Verdict(bool met) => met ? "met" : "missed";

    private static void Progress(string step) => Console.Error.WriteLine($"[ingest] {step}...");
}
