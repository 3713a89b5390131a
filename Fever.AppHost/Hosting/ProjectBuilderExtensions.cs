namespace Fever.AppHost.Hosting;

public static class ProjectBuilderExtensions
{
    /// <summary>A project referenced by the AppHost (<c>Projects.Fever_Api</c>), run from its build output.</summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this DistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddResource(new ProjectResource(name, new TProject()));
}
