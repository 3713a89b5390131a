using Fever.ProviderSimulator;
using Fever.Testing;

namespace Fever.Benchmarks.Ingest;

/// <summary>
/// End-to-end ingest of a generated feed: the worker, as its own process, reads the feed from the provider simulator
/// and stores it in a throwaway PostgreSQL; first into an empty database (every plan inserted), then again with
/// nothing changed (every plan unchanged), twice, by the same long-running worker process. Its throughput is set against a raw download of the same feed.
/// </summary>
public sealed class IngestBenchmark(GeneratedFeedOptions feed) : IBenchmark
{
    private const int RawFetches = 3;
    private const double MinimumMegabytesPerSecond = 20;
    private const double MaximumPeakMebibytes = 300;

    public static GeneratedFeedOptions DefaultFeed => new() { BasePlans = 5_000, PlansPerBase = 2, ZonesPerPlan = 100 };

    public string Name => "ingest";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        Progress.Report(Name, "starting PostgreSQL");
        await using var database = await ThrowawayDatabase.StartAsync("bench", cancellationToken);
        var connectionString = database.ConnectionString;

        Progress.Report(Name, "rendering the feed and starting the provider simulator");
        await using var simulator = await EmbeddedProviderSimulator.StartAsync(new ProviderSimulatorOptions { Generated = feed }, cancellationToken);

        Progress.Report(Name, $"reference: downloading the feed {RawFetches} times");
        var fetch = await RawFetch.MeasureBestAsync(simulator.FeedUrl, RawFetches, cancellationToken);

        Progress.Report(Name, $"worker: a first load, then {RunNames.Length - 1} unchanged re-syncs in the same process");
        await using var worker = SyncWorkerProcess.Start(connectionString, simulator.FeedUrl, TimeSpan.FromSeconds(1));
        var records = await WaitForRunsAsync(worker, connectionString, RunNames.Length, cancellationToken);
        var process = await worker.StopAsync(cancellationToken);
        if (records.FirstOrDefault(r => r.Outcome != "succeeded") is { } failed)
            throw new BenchmarkException($"Worker run {failed.Id} is '{failed.Outcome}'. Its output:\n{process.Output}");

        Report(output, fetch, [.. RunNames.Zip(records, (name, record) => new IngestRun(name, record))], process);
    }

    private static readonly string[] RunNames = ["first load (cold start)", "unchanged re-sync", "unchanged re-sync"];

    private static async Task<List<SyncRunRecord>> WaitForRunsAsync(
        MeasuredProcess worker, string connectionString, int count, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        while (true)
        {
            var records = await SyncRunRecord.ReadFinishedAsync(connectionString, timeout.Token);
            if (records.Count >= count)
                return records[..count];
            if (worker.HasExited)
            {
                var measurement = await worker.WaitForExitAsync(cancellationToken);
                throw new BenchmarkException($"The worker exited with code {measurement.ExitCode}. Its output:\n{measurement.Output}");
            }
            await Task.Delay(100, timeout.Token);
        }
    }

    private void Report(TextWriter output, Throughput fetch, IReadOnlyList<IngestRun> runs, ProcessMeasurement process)
    {
        var generated = new GeneratedFeed(feed);
        output.WriteLine(
            $"Ingest of a generated feed: {feed.BasePlans} base plans x {feed.PlansPerBase} plans x {feed.ZonesPerPlan} zones = " +
            $"{generated.PlanCount} plans, {generated.ZoneCount} zones, {ByteUnits.Megabytes(fetch.Bytes):0.0} MB ({fetch.Bytes} bytes; 1 MB = 10^6 bytes)");
        output.WriteLine($"reference: raw HTTP fetch of the feed, best of {RawFetches}: {fetch.MegabytesPerSecond:0.0} MB/s ({fetch.Elapsed.TotalSeconds:0.000} s)");
        output.WriteLine();

        var table = new BenchmarkTable("run", "plans seen", "inserted/updated/unchanged", "run s", "MB/s", "% of fetch");
        foreach (var run in runs)
        {
            var record = run.Record;
            table.AddRow(
                run.Name,
                $"{record.PlansSeen}",
                $"{record.PlansInserted}/{record.PlansUpdated}/{record.PlansUnchanged}",
                $"{record.Duration.TotalSeconds:0.00}",
                $"{record.Throughput.MegabytesPerSecond:0.0}",
                $"{record.Throughput.MegabytesPerSecond / fetch.MegabytesPerSecond:0.0%}");
        }
        table.WriteTo(output);
        output.WriteLine("run s: finished_at - started_at of the worker's sync_runs row (migration check, fetch, parse, store);");
        output.WriteLine("MB/s: bytes_read / run s (1 MB = 10^6 bytes).");
        output.WriteLine(
            $"worker process: {process.Wall.TotalSeconds:0.00} s from launch to exit after SIGTERM (exit code {process.ExitCode}); " +
            $"peak RSS {ByteUnits.FormatMebibytes(process.PeakResidentBytes)} MiB (highest VmHWM/VmRSS; 1 MiB = 2^20 bytes)");
        foreach (var warning in Warnings(generated, fetch, runs))
            output.WriteLine($"warning: {warning}");
        output.WriteLine();

        var speeds = runs.Select(r => r.Record.Throughput.MegabytesPerSecond).ToList();
        var fastEnough = speeds.All(s => s >= MinimumMegabytesPerSecond);
        var smallEnough = process.PeakResidentBytes is { } peak && ByteUnits.Mebibytes(peak) < MaximumPeakMebibytes;
        output.WriteLine(
            $"goals: ingest >= {MinimumMegabytesPerSecond} MB/s: {GoalVerdict.Of(fastEnough)} ({string.Join(", ", speeds.Select(s => $"{s:0.0}"))}); " +
            $"peak RSS < {MaximumPeakMebibytes} MiB: {GoalVerdict.Of(smallEnough)} ({ByteUnits.FormatMebibytes(process.PeakResidentBytes)})");
        output.WriteLine(
            $"summary: ingest {string.Join(" / ", speeds.Select(s => $"{s:0.0}"))} MB/s " +
            $"({string.Join(" / ", speeds.Select(s => $"{s / fetch.MegabytesPerSecond:0.0%}"))} of a raw fetch at {fetch.MegabytesPerSecond:0} MB/s), " +
            $"peak RSS {ByteUnits.FormatMebibytes(process.PeakResidentBytes)} MiB: " +
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
        if (runs.Count > 0 && runs[0].Record.PlansInserted != generated.PlanCount)
            yield return $"{runs[0].Name} inserted {runs[0].Record.PlansInserted} plans, not all {generated.PlanCount}.";
        foreach (var resync in runs.Skip(1).Where(r => r.Record.PlansUnchanged != generated.PlanCount))
            yield return $"{resync.Name} found {resync.Record.PlansUnchanged} plans unchanged, not all {generated.PlanCount}.";
    }
}
