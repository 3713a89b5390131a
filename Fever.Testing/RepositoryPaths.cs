namespace Fever.Testing;

/// <summary>
/// The repository (the folder of <c>FeverAspire.sln</c>, found above the running program) and the build output of its
/// projects, laid out as <c>{project}/bin/{configuration}/{framework}/</c> like the running program's own.
/// </summary>
public static class RepositoryPaths
{
    public const string SolutionFile = "FeverAspire.sln";

    private static readonly DirectoryInfo OwnOutput = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
    private static readonly Lazy<string> FoundRoot = new(FindRoot);

    public static string Root => FoundRoot.Value;

    /// <summary>The configuration the running program was built in (Debug, Release).</summary>
    public static string Configuration => OwnOutput.Parent!.Name;

    /// <summary>
    /// <c>{project}/bin/{configuration}/{framework}/{project}.dll</c>, of the running program's framework and, unless
    /// told otherwise, its configuration.
    /// </summary>
    public static string ProjectOutput(string project, string? configuration = null)
    {
        configuration ??= Configuration;
        var dll = Path.Combine(Root, project, "bin", configuration, OwnOutput.Name, $"{project}.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"{dll} is missing: build {project} in {configuration} first (make build; make bench builds Release).", dll);
    }

    private static string FindRoot()
    {
        for (var directory = OwnOutput; directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                return directory.FullName;
        throw new InvalidOperationException($"{SolutionFile} not found above {OwnOutput.FullName}: run from the repository's build output.");
    }
}
