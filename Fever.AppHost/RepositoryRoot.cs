namespace Fever.AppHost;

/// <summary>The folder of <c>FeverAspire.sln</c>, found by walking up from a starting folder.</summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "FeverAspire.sln";

    public static string? FindAbove(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                return directory.FullName;
        return null;
    }
}
