using System.Collections.Concurrent;
using System.Diagnostics;

namespace Fever.Testing;

/// <summary>
/// A child process with its output read line by line (handed to a callback and the last lines kept), stopped the
/// way a service manager stops one: SIGTERM, then SIGKILL after a grace period.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _recent = new();
    private readonly Action<string, bool>? _onLine;

    private ChildProcess(Process process, Action<string, bool>? onLine)
    {
        _process = process;
        _onLine = onLine;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines of output (standard output and error, interleaved as they came).</summary>
    public string RecentOutput => string.Join('\n', _recent);

    /// <summary>Completes with the exit code once the process has exited and its output is read to the end.</summary>
    public Task<int> Exited { get; private set; } = null!;

    /// <summary>
    /// Starts <paramref name="startInfo"/> with its output captured; <paramref name="onLine"/> receives each line
    /// and whether it came from standard error.
    /// </summary>
    public static ChildProcess Start(ProcessStartInfo startInfo, Action<string, bool>? onLine = null)
    {
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        var process = new Process { StartInfo = startInfo };
        var child = new ChildProcess(process, onLine);
        process.OutputDataReceived += (_, e) => child.Receive(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => child.Receive(e.Data, isError: true);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        child.Exited = child.WaitForExitCodeAsync();
        return child;
    }

    /// <summary><c>dotnet {assembly}</c>, run in the assembly's folder so that it finds its appsettings.json.</summary>
    public static ProcessStartInfo ForAssembly(string assemblyPath)
    {
        if (!File.Exists(assemblyPath))
            throw new FileNotFoundException($"{assemblyPath} does not exist: build the solution first (make build).", assemblyPath);
        return new ProcessStartInfo(DotnetHost) { ArgumentList = { assemblyPath }, WorkingDirectory = Path.GetDirectoryName(assemblyPath)! };
    }

    /// <summary>The dotnet host that runs us (the SDK sets DOTNET_HOST_PATH), else <c>dotnet</c> from PATH.</summary>
    public static string DotnetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>
    /// The same program started in a session of its own (<c>setsid</c>, where the machine has it), so that a Ctrl+C
    /// in the terminal reaches only the program that started it, which then stops it in order.
    /// </summary>
    public static ProcessStartInfo InOwnSession(ProcessStartInfo startInfo)
    {
        if (!File.Exists(SetSid))
            return startInfo;
        var wrapped = new ProcessStartInfo(SetSid) { WorkingDirectory = startInfo.WorkingDirectory, UseShellExecute = false };
        wrapped.ArgumentList.Add(startInfo.FileName);
        foreach (var argument in startInfo.ArgumentList)
            wrapped.ArgumentList.Add(argument);
        foreach (var (name, value) in startInfo.Environment)
            wrapped.Environment[name] = value;
        return wrapped;
    }

    private const string SetSid = "/usr/bin/setsid";

    /// <summary>SIGTERM, then SIGKILL if the process still runs after <paramref name="grace"/>; returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan grace)
    {
        if (!_process.HasExited)
            Posix.Signal(_process.Id, Posix.SigTerm);
        try
        {
            return await Exited.WaitAsync(grace);
        }
        catch (TimeoutException)
        {
            Kill();
            return await Exited;
        }
    }

    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            Kill();
        await Exited;
        _process.Dispose();
    }

    private async Task<int> WaitForExitCodeAsync()
    {
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    private void Receive(string? line, bool isError)
    {
        if (line is null)
            return;
        _recent.Enqueue(line);
        while (_recent.Count > KeptLines)
            _recent.TryDequeue(out _);
        _onLine?.Invoke(line, isError);
    }
}
