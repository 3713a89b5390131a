namespace Fever.Benchmarks;

/// <summary>The repository (the folder of FeverAspire.sln, found above this program) and its projects' Release builds.</summary>
public static class RepositoryPaths
{
    private const string SolutionFile = "FeverAspire.sln";
    private const string BuildHint = "build Release first: make bench does it";

    /// <summary><c>{project}/bin/Release/net10.0/{project}.dll</c>: benchmarks of a Debug build would measure the wrong thing.</summary>
    public static string ReleaseOutput(string project)
    {
        var dll = Path.Combine(FindRoot(), project, "bin", "Release", "net10.0", $"{project}.dll");
        return File.Exists(dll) ? dll : throw new BenchmarkException($"{dll} is missing: {BuildHint}.");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                return directory.FullName;
        throw new BenchmarkException($"{SolutionFile} not found above {AppContext.BaseDirectory}: run the benchmarks from the repository's build ({BuildHint}).");
    }
}
