using System.Diagnostics;
using Fever.Testing;

namespace Fever.Benchmarks;

/// <summary>
/// A child process whose wall time and peak resident memory are measured from its start, and whose last lines
/// of output are kept for the report when it fails. Disposing it kills it (and its children) if it still runs.
/// </summary>
public sealed class MeasuredProcess : IAsyncDisposable
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(20);

    private readonly ChildProcess _process;
    private readonly Stopwatch _clock;
    private readonly PeakMemorySampler _memory;

    private MeasuredProcess(ChildProcess process, Stopwatch clock)
    {
        _process = process;
        _clock = clock;
        _memory = PeakMemorySampler.Start(process.Id, SampleInterval);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The CPU time (user and system, every thread) the process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            using var process = Process.GetProcessById(Id);
            return process.TotalProcessorTime;
        }
    }

    /// <summary>The highest resident memory seen so far, in bytes; null where it cannot be read.</summary>
    public long? PeakResidentBytes => _memory.PeakBytes;

    /// <summary>Starts the process with its standard output and error captured.</summary>
    public static MeasuredProcess Start(ProcessStartInfo startInfo)
    {
        var clock = Stopwatch.StartNew();
        return new MeasuredProcess(ChildProcess.Start(startInfo), clock);
    }

    /// <summary>Asks the process to stop (SIGTERM), as a service manager would, and waits for it.</summary>
    public Task<ProcessMeasurement> StopAsync(CancellationToken cancellationToken)
    {
        if (!_process.HasExited)
            Posix.Signal(_process.Id, Posix.SigTerm);
        return WaitForExitAsync(cancellationToken);
    }

    /// <summary>As <see cref="StopAsync(CancellationToken)"/>, killing the process (and its children) if it still runs after <paramref name="grace"/>.</summary>
    public async Task<ProcessMeasurement> StopAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        await _process.StopAsync(grace).WaitAsync(cancellationToken);
        return await WaitForExitAsync(cancellationToken);
    }

    public async Task<ProcessMeasurement> WaitForExitAsync(CancellationToken cancellationToken)
    {
        var exitCode = await _process.Exited.WaitAsync(cancellationToken);
        var wall = _clock.Elapsed;
        var peak = await _memory.StopAsync();
        return new ProcessMeasurement(exitCode, wall, peak, _process.RecentOutput);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        await _memory.DisposeAsync();
    }
}
