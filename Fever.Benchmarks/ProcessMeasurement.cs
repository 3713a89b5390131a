namespace Fever.Benchmarks;

/// <summary>How a <see cref="MeasuredProcess"/> ran.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Wall">From just before the start to the exit.</param>
/// <param name="PeakResidentBytes">The highest resident memory seen; null where it cannot be read.</param>
/// <param name="Output">The last lines of standard output and error, interleaved.</param>
public sealed record ProcessMeasurement(int ExitCode, TimeSpan Wall, long? PeakResidentBytes, string Output);
