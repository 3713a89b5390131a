using System.ComponentModel;
using System.Diagnostics;

namespace Fever.Tests.Infrastructure;

/// <summary>
/// Runs <c>node script args…</c> in one of the tests' npm tool folders (a folder with package.json and its
/// node_modules, installed by <c>npm ci</c>) and returns what the script printed on standard output.
/// </summary>
public static class NodeScript
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Standard output of the script; throws with its standard error if it exits with another code than 0, does not
    /// finish within <paramref name="timeout"/> (it is killed then), or cannot start.
    /// </summary>
    public static async Task<string> RunAsync(string folder, string script, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
            throw new InvalidOperationException(
                $"{folder}/node_modules is missing: run `npm ci` in {folder} (or `make prerequisites`, which does it).");

        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(script);
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Node.js is required to run {script} (`node` was not found on PATH): {e.Message}", e);
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? DefaultTimeout;
        using var cancellation = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {limit}.\n{await errors}");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"node {script} {string.Join(' ', startInfo.ArgumentList.Skip(1))} exited with {process.ExitCode}:\n{await errors}");
        return await output;
    }
}
