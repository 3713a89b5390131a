using Fever.AppHost.Processes;

namespace Fever.Benchmarks;

/// <summary>
/// A service of this repository as it is deployed: <c>dotnet {project}.dll</c> from the Release build, in Production,
/// logging warnings and errors only, configured by environment variables (Aspire's conventions).
/// </summary>
public static class ServiceProcess
{
    public static MeasuredProcess Start(string project, IReadOnlyDictionary<string, string> settings)
    {
        var startInfo = ChildProcess.ForAssembly(RepositoryPaths.ReleaseOutput(project));
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings)
            startInfo.Environment[name] = value;
        return MeasuredProcess.Start(startInfo);
    }
}
