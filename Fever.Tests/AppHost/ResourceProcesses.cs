namespace Fever.Tests.AppHost;

/// <summary>
/// The processes behind a project resource. DCP starts a project as <c>dotnet run --no-build</c> (the pid the dashboard
/// shows), which starts the service itself as its child.
/// </summary>
public static class ResourceProcesses
{
    /// <summary>The one child process of <paramref name="pid"/>; waits briefly for it to appear.</summary>
    public static int ChildOf(int pid)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var children = File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (children.Length > 0)
                return int.Parse(children[0]);
            Thread.Sleep(50);
        }
        throw new InvalidOperationException($"Process {pid} has no child.");
    }

    /// <summary>The parent of <paramref name="pid"/> (the field after the command's name in <c>/proc/{pid}/stat</c>).</summary>
    public static int ParentOf(int pid) =>
        int.Parse(File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
}
