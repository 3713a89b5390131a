namespace Fever.Benchmarks;

/// <summary>
/// One benchmark scenario: starts what it measures, prints its figures and goals, stops everything it started.
/// A missed goal is a result, not an error; errors are thrown (<see cref="BenchmarkException"/> for the expected ones).
/// </summary>
public interface IBenchmark
{
    /// <summary>The name that selects the scenario on the command line, e.g. <c>ingest</c>.</summary>
    string Name { get; }

    Task RunAsync(TextWriter output, CancellationToken cancellationToken);
}
