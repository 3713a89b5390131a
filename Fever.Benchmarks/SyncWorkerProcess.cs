namespace Fever.Benchmarks;

/// <summary>The sync worker as it is deployed (<see cref="DeployedService"/>), reading <paramref name="feedUrl"/> into <paramref name="connectionString"/>'s database.</summary>
public static class SyncWorkerProcess
{
    private const string Project = "Fever.Sync";
    private static readonly TimeSpan RunOnceTimeout = TimeSpan.FromMinutes(5);

    // Nothing here calls the worker's health endpoints: Kestrel may take any free port.
    private static readonly Uri AnyLoopbackPort = new("http://127.0.0.1:0");

    /// <summary>
    /// Starts the worker as it runs in production, syncing every <paramref name="interval"/>: its first run is a
    /// cold start, the later ones show the steady state of a long-running worker.
    /// </summary>
    public static MeasuredProcess Start(string connectionString, Uri feedUrl, TimeSpan interval) =>
        Start(connectionString, feedUrl, "Sync__Interval", interval.ToString("c"));

    /// <summary>Runs the worker once (<c>Sync:RunOnce</c>), as cron would, to fill the database; throws if the run fails.</summary>
    public static async Task<ProcessMeasurement> RunOnceAsync(string connectionString, Uri feedUrl, CancellationToken cancellationToken)
    {
        await using var worker = Start(connectionString, feedUrl, "Sync__RunOnce", "true");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RunOnceTimeout);
        ProcessMeasurement measurement;
        try
        {
            measurement = await worker.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BenchmarkException($"The worker's single sync did not finish within {RunOnceTimeout.TotalMinutes} minutes.");
        }
        if (measurement.ExitCode != 0)
            throw new BenchmarkException($"The worker's single sync failed (exit code {measurement.ExitCode}). Its output:\n{measurement.Output}");
        return measurement;
    }

    private static MeasuredProcess Start(string connectionString, Uri feedUrl, string scheduleSetting, string scheduleValue) =>
        DeployedService.Start(Project, AnyLoopbackPort, new Dictionary<string, string>
        {
            ["ConnectionStrings__feverdb"] = connectionString,
            ["Provider__Url"] = feedUrl.ToString(),
            [scheduleSetting] = scheduleValue,
        });
}
