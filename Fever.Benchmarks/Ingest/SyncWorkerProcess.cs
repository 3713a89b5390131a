using System.Diagnostics;

namespace Fever.Benchmarks.Ingest;

/// <summary>The sync worker as it is deployed: <c>dotnet Fever.Sync.dll</c> from the Release build, configured by environment.</summary>
public static class SyncWorkerProcess
{
    private const string Project = "Fever.Sync";

    /// <summary>Runs the worker for exactly one sync run (<c>Sync__RunOnce</c>) and measures it; it must exit with 0.</summary>
    public static async Task<ProcessMeasurement> RunOnceAsync(string connectionString, Uri feedUrl, CancellationToken cancellationToken)
    {
        var dll = RepositoryPaths.ReleaseOutput(Project);
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            Environment =
            {
                ["ConnectionStrings__feverdb"] = connectionString,
                ["Provider__Url"] = feedUrl.ToString(),
                ["Sync__RunOnce"] = "true",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };

        await using var worker = MeasuredProcess.Start(startInfo);
        var measurement = await worker.WaitForExitAsync(cancellationToken);
        if (measurement.ExitCode != 0)
            throw new BenchmarkException(
                $"The worker (pid {worker.Id}) exited with code {measurement.ExitCode} after {measurement.Wall.TotalSeconds:0.00} s. Its output:\n{measurement.Output}");
        return measurement;
    }
}
