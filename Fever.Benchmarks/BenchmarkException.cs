namespace Fever.Benchmarks;

/// <summary>A benchmark that could not produce its figures, with a message that says why and what to do.</summary>
public sealed class BenchmarkException(string message) : Exception(message);
