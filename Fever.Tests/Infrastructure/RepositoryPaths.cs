using Fever.AppHost;

namespace Fever.Tests.Infrastructure;

/// <summary>Finds the repository and the build output of its projects from the test assembly's location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary><c>{project}/bin/{configuration}/net10.0/{project}.dll</c>, built in the tests' configuration.</summary>
    public static string ProjectOutput(string project)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (testOutput.Name, testOutput.Parent!.Name);
        var dll = Path.Combine(Root, project, "bin", configuration, framework, $"{project}.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build {project} first ({configuration}): {dll} is missing.");
    }

    private static string FindRoot() =>
        RepositoryRoot.FindAbove(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException($"{RepositoryRoot.SolutionFile} not found above the test assembly.");
}
