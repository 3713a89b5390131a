using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Fever.Benchmarks.Executor;

/// <summary>
/// The <c>executor</c> scenario: <see cref="EventsPageBenchmarks"/> under BenchmarkDotNet, in this process (no generated
/// project to build), and the time and bytes allocated per page. Prints BenchmarkDotNet's own table too.
/// </summary>
public sealed class ExecutorBenchmark : IBenchmark
{
    public string Name => "executor";

    public Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(15))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(new TextWriterLogger(output))
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "fever-benchmarkdotnet"))
            .WithOption(ConfigOptions.DisableLogFile, true);
        Progress.Report(Name, "BenchmarkDotNet, in process: a 50-event page of Fever.Api's schema over 10,000 events");
        var summary = BenchmarkDotNet.Running.BenchmarkRunner.Run<EventsPageBenchmarks>(config);
        if (summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success))
            throw new BenchmarkException($"BenchmarkDotNet did not measure every case; see its output above ({summary.ResultsDirectoryPath}).");

        output.WriteLine();
        output.WriteLine(
            $"GraphQL executor in process: Fever.Api's schema over a snapshot of {EventsPageBenchmarks.BasePlans * EventsPageBenchmarks.PlansPerBase:#,0} events " +
            $"({EventsPageBenchmarks.BasePlans} x {EventsPageBenchmarks.PlansPerBase} x {EventsPageBenchmarks.ZonesPerPlan} zones), a page executed and written as JSON, no HTTP");
        var table = new BenchmarkTable("page", "mean µs", "stddev µs", "allocated bytes/page");
        foreach (var report in summary.Reports)
        {
            var statistics = report.ResultStatistics!;
            table.AddRow([report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo, $"{statistics.Mean / 1_000:0.0}", $"{statistics.StandardDeviation / 1_000:0.0}",
                $"{report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase):#,0}"]);
        }
        table.WriteTo(output);
        return Task.CompletedTask;
    }

    /// <summary>BenchmarkDotNet's log, into the scenario's output.</summary>
    private sealed class TextWriterLogger(TextWriter output) : ILogger
    {
        public string Id => nameof(TextWriterLogger);
        public int Priority => 0;
        public void Write(LogKind logKind, string text) => output.Write(text);
        public void WriteLine() => output.WriteLine();
        public void WriteLine(LogKind logKind, string text) => output.WriteLine(text);
        public void Flush() => output.Flush();
    }
}
