using System.Collections.Concurrent;
using System.Diagnostics;
using Fever.AppHost;

namespace Fever.Tests.Infrastructure;

/// <summary>One of our services run as a real child process from its own build output, as an operator would run it.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    public string Output => string.Join('\n', _output);

    /// <summary>Starts <c>dotnet {project}.dll</c> of the same configuration as the tests, listening on a free loopback port.</summary>
    public static ServiceProcess Start(string project, IDictionary<string, string> environment)
    {
        var dll = RepositoryPaths.ProjectOutput(project);
        var url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.Environment["ASPNETCORE_URLS"] = url.ToString();
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in environment)
            startInfo.Environment[name] = value;

        var process = new Process { StartInfo = startInfo };
        var service = new ServiceProcess(process, url);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) service._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) service._output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>SIGTERM, as a service manager stops a process; returns its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            Posix.Signal(_process.Id, Posix.SigTerm);
            using var timeout = new CancellationTokenSource(grace);
            await _process.WaitForExitAsync(timeout.Token);
        }
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
