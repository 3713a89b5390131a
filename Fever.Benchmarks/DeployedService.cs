using Fever.Testing;

namespace Fever.Benchmarks;

/// <summary>
/// A service of this repository as it is deployed (<see cref="ServiceProcess.StartInfo"/>), measured from its start: its
/// Release build (benchmarks of a Debug build would measure the wrong thing), in Production, logging warnings and errors only.
/// </summary>
public static class DeployedService
{
    private const string Configuration = "Release";
    private const string EnvironmentName = "Production";

    /// <summary>Starts <paramref name="project"/> listening on <paramref name="url"/>, configured by <paramref name="settings"/>.</summary>
    public static MeasuredProcess Start(string project, Uri url, IReadOnlyDictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" };
        foreach (var (name, value) in settings)
            environment[name] = value;
        try
        {
            return MeasuredProcess.Start(ServiceProcess.StartInfo(project, url, environment, Configuration, EnvironmentName));
        }
        catch (FileNotFoundException missing)
        {
            throw new BenchmarkException(missing.Message);
        }
    }
}
