namespace Fever.Benchmarks;

/// <summary>
/// The peak resident memory of a running process, read from <c>/proc/&lt;pid&gt;/status</c> at a fixed interval
/// until stopped. VmHWM is the kernel's own high-water mark, so a peak between two samples is not missed; VmRSS
/// (the current resident set) is read too, for kernels that do not report VmHWM. Linux only: elsewhere the peak
/// stays unknown.
/// </summary>
public sealed class PeakMemorySampler : IAsyncDisposable
{
    private readonly string _statusFile;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakKibibytes;

    private PeakMemorySampler(int processId, TimeSpan interval)
    {
        _statusFile = $"/proc/{processId}/status";
        _sampling = SampleAsync(interval);
    }

    /// <summary>The highest resident memory seen so far, in bytes; null until a sample could be read.</summary>
    public long? PeakBytes => Interlocked.Read(ref _peakKibibytes) is > 0 and var kibibytes ? kibibytes * 1024 : null;

    public static PeakMemorySampler Start(int processId, TimeSpan interval) => new(processId, interval);

    /// <summary>Takes a last sample, stops sampling and returns the peak.</summary>
    public async Task<long?> StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            _stop.Cancel();
            await _sampling;
            Sample();
        }
        return PeakBytes;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task SampleAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                Sample();
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Sample()
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(_statusFile);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return; // not Linux, or the process has just exited
        }

        foreach (var line in lines)
        {
            if (!line.StartsWith("VmHWM:", StringComparison.Ordinal) && !line.StartsWith("VmRSS:", StringComparison.Ordinal))
                continue;
            // e.g. "VmHWM:\t  145236 kB"
            var value = line.AsSpan(line.IndexOf(':') + 1).Trim();
            if (value.EndsWith(" kB", StringComparison.Ordinal) && long.TryParse(value[..^3].Trim(), out var kibibytes)
                && kibibytes > Interlocked.Read(ref _peakKibibytes))
                Interlocked.Exchange(ref _peakKibibytes, kibibytes);
        }
    }
}
