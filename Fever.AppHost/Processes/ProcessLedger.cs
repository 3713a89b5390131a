using Fever.AppHost.Hosting;

namespace Fever.AppHost.Processes;

/// <summary>
/// The children an AppHost started, one pid file each in a folder of its state, so that the next AppHost can stop
/// those a killed predecessor left running (they would hold the API's port). A pid is only acted on while its
/// command line still names the program recorded with it.
/// </summary>
public sealed class ProcessLedger(string directory)
{
    private const string OwnerName = "apphost";

    /// <summary>Records this process as the owner of the folder; refuses when another live AppHost owns it.</summary>
    public void Claim()
    {
        var owner = PidFile(OwnerName);
        if (File.Exists(owner) && File.ReadAllLines(owner) is [var first, ..] && int.TryParse(first, out var pid)
            && pid != Environment.ProcessId && Posix.IsAlive(pid) && CommandLine(pid).Contains("Fever.AppHost", StringComparison.Ordinal))
            throw new AppHostException($"Another AppHost (pid {pid}) is running with the state folder {Path.GetDirectoryName(directory)}. Stop it first (Ctrl+C in its terminal, or kill {pid}).");
        Record(OwnerName, Environment.ProcessId, "Fever.AppHost");
    }

    /// <summary>Gives the folder up (the AppHost stopped cleanly).</summary>
    public void Release() => Forget(OwnerName);

    public void Record(string name, int pid, string program)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(PidFile(name), $"{pid}\n{program}\n");
    }

    public void Forget(string name) => File.Delete(PidFile(name));

    /// <summary>Stops (SIGTERM, then SIGKILL after <paramref name="grace"/>) every recorded process still running; returns their names.</summary>
    public IReadOnlyList<string> StopLeftovers(TimeSpan grace)
    {
        if (!Directory.Exists(directory))
            return [];
        var stopped = new List<string>();
        foreach (var file in Directory.GetFiles(directory, "*.pid").Where(f => Path.GetFileNameWithoutExtension(f) != OwnerName))
        {
            var lines = File.ReadAllLines(file);
            if (lines.Length >= 2 && int.TryParse(lines[0], out var pid) && Posix.IsAlive(pid) && CommandLine(pid).Contains(lines[1], StringComparison.Ordinal))
            {
                Posix.Signal(pid, Posix.SigTerm);
                var deadline = DateTime.UtcNow + grace;
                while (Posix.IsAlive(pid) && DateTime.UtcNow < deadline)
                    Thread.Sleep(50);
                if (Posix.IsAlive(pid))
                    Posix.Signal(pid, Posix.SigKill);
                stopped.Add(Path.GetFileNameWithoutExtension(file));
            }
            File.Delete(file);
        }
        return stopped;
    }

    private string PidFile(string name) => Path.Combine(directory, $"{name}.pid");

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }
}
