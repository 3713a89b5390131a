namespace Fever.AppHost.Hosting;

/// <summary>A project the AppHost references; the build generates one <c>Projects.&lt;Name&gt;</c> class per reference.</summary>
public interface IProjectMetadata
{
    /// <summary>The project file.</summary>
    string ProjectPath { get; }

    /// <summary>The assembly the build produced, started as <c>dotnet &lt;AssemblyPath&gt;</c>.</summary>
    string AssemblyPath { get; }
}
