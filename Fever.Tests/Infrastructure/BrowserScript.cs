using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Fever.Testing;

namespace Fever.Tests.Infrastructure;

/// <summary>
/// A node script of <c>Fever.Tests/Browser</c> driving Debian's Chromium with playwright-core. Both are installed by
/// <c>make prerequisites</c>; a machine without them fails the test, saying so, rather than skipping it.
/// </summary>
public static class BrowserScript
{
    public const string Chromium = "/usr/bin/chromium";

    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "Fever.Tests", "Browser");

    /// <summary>
    /// Runs <c>node {script} --chromium /usr/bin/chromium {arguments}</c> and returns its exit code, the JSON line it
    /// printed last on standard output, and everything it printed.
    /// </summary>
    public static async Task<BrowserRun> RunAsync(string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException(
                $"Chromium is missing ({Chromium}). Install it with `make prerequisites` (as root it runs `apt-get install -y chromium`) or `sudo apt-get install -y chromium`.");
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "playwright-core")))
            throw new InvalidOperationException(
                $"playwright-core is missing from {Folder}/node_modules. Install it with `make prerequisites` (it runs `npm ci --prefix Fever.Tests/Browser`).");

        var startInfo = new ProcessStartInfo("node") { WorkingDirectory = Folder, ArgumentList = { script, "--chromium", Chromium } };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        var lastJsonLine = "null";
        ChildProcess node;
        try
        {
            node = ChildProcess.Start(startInfo, (line, isError) =>
            {
                if (!isError && line.StartsWith('{'))
                    lastJsonLine = line;
            });
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Node.js (node on PATH) is needed for the browser tests: {e.Message}", e);
        }
        await using (node)
        {
            try
            {
                var exitCode = await node.Exited.WaitAsync(timeout);
                return new BrowserRun(exitCode, JsonDocument.Parse(lastJsonLine).RootElement.Clone(), node.RecentOutput);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"{script} did not finish within {timeout}:\n{node.RecentOutput}");
            }
        }
    }
}

/// <param name="Outcome">The script's JSON outcome, or a JSON null if it printed none.</param>
/// <param name="Output">What the script printed, standard output and error interleaved.</param>
public sealed record BrowserRun(int ExitCode, JsonElement Outcome, string Output);
