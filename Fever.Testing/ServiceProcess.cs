using System.Diagnostics;

namespace Fever.Testing;

/// <summary>
/// One of our services run alone, as it is deployed: <c>dotnet {project}.dll</c> from its own build output as a child
/// process, configured by environment variables (Aspire's conventions), listening on a free loopback port.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    public const string Development = "Development";

    private readonly ChildProcess _process;

    private ServiceProcess(ChildProcess process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    public string Output => _process.RecentOutput;

    /// <summary>The exit code, once the process has exited and its output has been read to the end.</summary>
    public Task<int> Exited => _process.Exited;

    /// <summary>
    /// Starts <paramref name="project"/> on a free loopback port; see <see cref="StartInfo"/> for the rest.
    /// </summary>
    public static ServiceProcess Start(
        string project, IReadOnlyDictionary<string, string> environment, string? configuration = null, string environmentName = Development)
    {
        var url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        return new ServiceProcess(ChildProcess.Start(StartInfo(project, url, environment, configuration, environmentName)), url);
    }

    /// <summary>
    /// <c>dotnet {project}.dll</c> of <paramref name="configuration"/> (by default the running program's) with the
    /// variables of <paramref name="environment"/>, listening on <paramref name="url"/> (<c>ASPNETCORE_URLS</c>) in the
    /// hosting environment <paramref name="environmentName"/> (<c>DOTNET_ENVIRONMENT</c>).
    /// </summary>
    public static ProcessStartInfo StartInfo(
        string project, Uri url, IReadOnlyDictionary<string, string> environment, string? configuration = null, string environmentName = Development)
    {
        var startInfo = ChildProcess.ForAssembly(RepositoryPaths.ProjectOutput(project, configuration));
        foreach (var (name, value) in environment)
            startInfo.Environment[name] = value;
        startInfo.Environment["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/');
        startInfo.Environment["DOTNET_ENVIRONMENT"] = environmentName;
        return startInfo;
    }

    /// <summary>SIGTERM, as a service manager stops a process; returns its exit code.</summary>
    public Task<int> StopAsync(TimeSpan grace) => _process.StopAsync(grace);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
