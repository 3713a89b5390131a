namespace Fever.Benchmarks;

/// <summary>Runs the selected scenarios one after the other; the exit code says whether they all produced their figures.</summary>
public static class BenchmarkRunner
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int Interrupted = 130;

    public static async Task<int> RunAsync(
        IReadOnlyList<IBenchmark> benchmarks, IReadOnlyList<string> selected, TextWriter output, CancellationToken cancellationToken)
    {
        var unknown = selected.Where(name => !benchmarks.Any(b => b.Name == name)).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"Unknown scenario(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", benchmarks.Select(b => b.Name))}.");
            return BenchmarkArguments.UsageError;
        }

        foreach (var benchmark in benchmarks.Where(b => selected.Count == 0 || selected.Contains(b.Name)))
        {
            try
            {
                await benchmark.RunAsync(output, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Console.Error.WriteLine($"{benchmark.Name}: interrupted; everything it started has been stopped.");
                return Interrupted;
            }
            catch (BenchmarkException exception)
            {
                Console.Error.WriteLine($"{benchmark.Name}: {exception.Message}");
                return Failed;
            }
            catch (Exception exception)
            {
                Console.Error.WriteLine($"{benchmark.Name} failed: {exception}");
                return Failed;
            }
            output.WriteLine();
        }
        return Succeeded;
    }
}
