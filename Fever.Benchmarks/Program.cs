using System.Runtime.InteropServices;
using Fever.Benchmarks;
using Fever.Benchmarks.Api;
using Fever.Benchmarks.Executor;
using Fever.Benchmarks.GraphQL;
using Fever.Benchmarks.Ingest;
using Fever.Benchmarks.Telemetry;

using var stop = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

if (!BenchmarkArguments.TryParse(args, out var arguments, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(BenchmarkArguments.Usage);
    return BenchmarkArguments.UsageError;
}
if (arguments.Help)
{
    Console.WriteLine(BenchmarkArguments.Usage);
    return 0;
}

IBenchmark[] benchmarks =
[
    new IngestBenchmark(arguments.Feed(IngestBenchmark.DefaultFeed)),
    new ApiBenchmark(arguments.Feed(ApiBenchmark.DefaultFeed), arguments.LoadDuration),
    new GraphQLBenchmark(arguments.Feed(GraphQLBenchmark.DefaultFeed), arguments.LoadDuration),
    new ExecutorBenchmark(),
    new TelemetryBenchmark(arguments.Feed(TelemetryBenchmark.DefaultFeed), arguments.LoadDuration),
];

return await BenchmarkRunner.RunAsync(benchmarks, arguments.Scenarios, Console.Out, stop.Token);

void Stop(PosixSignalContext context)
{
    context.Cancel = true; // unwind through the finally blocks that stop what the benchmark started
    stop.Cancel();
}
