using Fever.AppHost;
using Fever.AppHost.Processes;

namespace Fever.Tests.Infrastructure;

/// <summary>One of our services run alone as a child process from its own build output, outside the AppHost.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
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

    /// <summary>Starts <c>dotnet {project}.dll</c> of the same configuration as the tests, listening on a free loopback port.</summary>
    public static ServiceProcess Start(string project, IDictionary<string, string> environment)
    {
        var url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var startInfo = ChildProcess.ForAssembly(RepositoryPaths.ProjectOutput(project));
        startInfo.Environment["ASPNETCORE_URLS"] = url.ToString();
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in environment)
            startInfo.Environment[name] = value;
        return new ServiceProcess(ChildProcess.Start(startInfo), url);
    }

    /// <summary>SIGTERM, as a service manager stops a process; returns its exit code.</summary>
    public Task<int> StopAsync(TimeSpan grace) => _process.StopAsync(grace);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
