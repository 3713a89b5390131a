using System.Diagnostics;

namespace Fever.Benchmarks.Ingest;

/// <summary>The sync worker as it is deployed: <c>dotnet Fever.Sync.dll</c> from the Release build, configured by environment.</summary>
public static class SyncWorkerProcess
{
    private const string Project = "Fever.Sync";

    /// <summary>
    /// Starts the worker as it runs in production, syncing every <paramref name="interval"/>: its first run is a
    /// cold start, the later ones show the steady state of a long-running worker.
    /// </summary>
    public static MeasuredProcess Start(string connectionString, Uri feedUrl, TimeSpan interval)
    {
        var dll = RepositoryPaths.ReleaseOutput(Project);
        return MeasuredProcess.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            Environment =
            {
                ["ConnectionStrings__feverdb"] = connectionString,
                ["Provider__Url"] = feedUrl.ToString(),
                ["Sync__Interval"] = interval.ToString("c"),
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        });
    }
}
