using Fever.AppHost;

namespace Fever.Benchmarks;

/// <summary>The repository (the folder of FeverAspire.sln, found above this program) and its projects' Release builds.</summary>
public static class RepositoryPaths
{
    private const string BuildHint = "build Release first: make bench does it";

    /// <summary><c>{project}/bin/Release/net10.0/{project}.dll</c>: benchmarks of a Debug build would measure the wrong thing.</summary>
    public static string ReleaseOutput(string project)
    {
        var dll = Path.Combine(FindRoot(), project, "bin", "Release", "net10.0", $"{project}.dll");
        return File.Exists(dll) ? dll : throw new BenchmarkException($"{dll} is missing: {BuildHint}.");
    }

    private static string FindRoot() =>
        RepositoryRoot.FindAbove(AppContext.BaseDirectory) ?? throw new BenchmarkException(
            $"{RepositoryRoot.SolutionFile} not found above {AppContext.BaseDirectory}: run the benchmarks from the repository's build ({BuildHint}).");
}
