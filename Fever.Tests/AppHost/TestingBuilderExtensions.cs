using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Fever.Tests.AppHost;

public static class TestingBuilderExtensions
{
    /// <summary>The builder of the project resource <paramref name="name"/> of the app under test, to change it before it starts.</summary>
    public static IResourceBuilder<ProjectResource> Project(this IDistributedApplicationTestingBuilder builder, string name) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == name));
}
