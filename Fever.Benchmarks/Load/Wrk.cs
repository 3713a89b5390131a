using System.Diagnostics;
using System.Globalization;

namespace Fever.Benchmarks.Load;

/// <summary>
/// The HTTP load generator <c>wrk</c> (Debian package <c>wrk</c>): a fixed number of connections, each sending its
/// next request as soon as the previous answer arrives, for a fixed time; it reports throughput and latency percentiles.
/// </summary>
public static class Wrk
{
    private const string Program = "wrk";
    private const string InstallHint = "install it with `make bench-prerequisites` (as root), or `sudo apt-get install -y wrk`";
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(30);

    /// <summary>Fails at once, before a scenario starts anything, when wrk is not installed.</summary>
    public static void EnsureInstalled() => FindExecutable();

    /// <summary>
    /// Runs <c>wrk --latency</c> against <paramref name="url"/> (GETs, or the requests of <paramref name="script"/>) and
    /// returns what it measured.
    /// </summary>
    public static async Task<WrkReport> RunAsync(
        Uri url, WrkScript? script, int threads, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(FindExecutable())
        {
            ArgumentList =
            {
                "-t", Whole(threads),
                "-c", Whole(connections),
                "-d", $"{Whole((int)Math.Ceiling(duration.TotalSeconds))}s",
                "--latency",
            },
        };
        if (script is not null)
            startInfo.ArgumentList.Add($"--script={script.FilePath}");
        startInfo.ArgumentList.Add(url.ToString());
        await using var wrk = MeasuredProcess.Start(startInfo);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(duration + ExitGrace);
        ProcessMeasurement run;
        try
        {
            run = await wrk.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BenchmarkException($"wrk did not finish a {duration.TotalSeconds} s run against {url} within {ExitGrace.TotalSeconds} s more.");
        }
        if (run.ExitCode != 0)
            throw new BenchmarkException($"wrk failed against {url} (exit code {run.ExitCode}):\n{run.Output}");
        return WrkReport.Parse(run.Output, scripted: script is not null);
    }

    private static string FindExecutable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, Program))
            .FirstOrDefault(File.Exists)
            ?? throw new BenchmarkException($"{Program} is not installed (not found on PATH): {InstallHint}.");
    }

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);
}
