using System.Collections.Concurrent;
using System.Diagnostics;

namespace Fever.Benchmarks;

/// <summary>
/// A child process whose wall time and peak resident memory are measured from its start, and whose last lines
/// of output are kept for the report when it fails. Disposing it kills it (and its children) if it still runs.
/// </summary>
public sealed class MeasuredProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(20);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private readonly Stopwatch _clock;
    private readonly PeakMemorySampler _memory;

    private MeasuredProcess(Process process, ConcurrentQueue<string> output, Stopwatch clock)
    {
        _process = process;
        _output = output;
        _clock = clock;
        _memory = PeakMemorySampler.Start(process.Id, SampleInterval);
    }

    public int Id => _process.Id;

    /// <summary>Starts the process with its standard output and error captured.</summary>
    public static MeasuredProcess Start(ProcessStartInfo startInfo)
    {
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;

        var output = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);

        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new MeasuredProcess(process, output, clock);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Asks the process to stop (SIGTERM), as a service manager would, and waits for it.</summary>
    public Task<ProcessMeasurement> StopAsync(CancellationToken cancellationToken)
    {
        if (!_process.HasExited)
            Fever.AppHost.Posix.Signal(_process.Id, Fever.AppHost.Posix.SigTerm);
        return WaitForExitAsync(cancellationToken);
    }

    public async Task<ProcessMeasurement> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        var wall = _clock.Elapsed;
        var peak = await _memory.StopAsync();
        return new ProcessMeasurement(_process.ExitCode, wall, peak, string.Join('\n', _output));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        await _memory.DisposeAsync();
        _process.Dispose();
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
            return;
        output.Enqueue(line);
        while (output.Count > KeptOutputLines)
            output.TryDequeue(out _);
    }
}
