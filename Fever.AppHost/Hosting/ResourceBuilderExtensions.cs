namespace Fever.AppHost.Hosting;

/// <summary>The fluent calls of Aspire's model that this AppHost supports.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>The project gets <c>ConnectionStrings__{name}</c>.</summary>
    public static IResourceBuilder<ProjectResource> WithReference(
        this IResourceBuilder<ProjectResource> builder, IResourceBuilder<IResourceWithConnectionString> source)
    {
        builder.Resource.EnvironmentCallbacks.Add(async context =>
            context.Variables[$"ConnectionStrings__{source.Resource.Name}"] = await source.Resource.GetConnectionStringAsync(context.CancellationToken));
        return builder;
    }

    /// <summary>The project gets <c>services__{name}__http__0</c> (the URL without a trailing slash).</summary>
    public static IResourceBuilder<ProjectResource> WithReference(
        this IResourceBuilder<ProjectResource> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
    {
        builder.Resource.EnvironmentCallbacks.Add(async context =>
        {
            var url = await source.Resource.GetEndpointAsync(context.CancellationToken);
            context.Variables[$"services__{source.Resource.Name}__{url.Scheme}__0"] = url.ToString().TrimEnd('/');
        });
        return builder;
    }

    /// <summary>Start only once <paramref name="dependency"/> is Running and Healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency) where T : Resource
    {
        builder.Resource.WaitsFor.Add(dependency.Resource);
        return builder;
    }

    public static IResourceBuilder<ProjectResource> WithEnvironment(this IResourceBuilder<ProjectResource> builder, string name, string value)
    {
        builder.Resource.EnvironmentCallbacks.Add(context =>
        {
            context.Variables[name] = value;
            return Task.CompletedTask;
        });
        return builder;
    }

    /// <summary>Healthy when <c>GET {path}</c> answers 2xx (Degraded when its JSON report says so).</summary>
    public static IResourceBuilder<ProjectResource> WithHttpHealthCheck(this IResourceBuilder<ProjectResource> builder, string path = "/health")
    {
        builder.Resource.HealthProbe = new HttpHealthProbe(path);
        return builder;
    }

    /// <summary>Run <paramref name="replicas"/> processes behind the one public endpoint.</summary>
    public static IResourceBuilder<ProjectResource> WithReplicas(this IResourceBuilder<ProjectResource> builder, int replicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        builder.Resource.Replicas = replicas;
        return builder;
    }

    /// <summary>A link into the resource, relative to its public endpoint, printed once it is healthy.</summary>
    public static IResourceBuilder<T> WithUrl<T>(this IResourceBuilder<T> builder, string path, string text) where T : Resource
    {
        builder.Resource.Links.Add(new ResourceLink(text, path));
        return builder;
    }

    /// <summary>The stable public port (<c>http://localhost:{port}</c>); without one, a free port at each start.</summary>
    public static IResourceBuilder<ProjectResource> WithHttpEndpoint(this IResourceBuilder<ProjectResource> builder, int? port)
    {
        builder.Resource.Port = port;
        return builder;
    }
}
