namespace Fever.AppHost.Hosting;

/// <summary>Something the AppHost runs or points at, known by a unique name.</summary>
public interface IResource
{
    string Name { get; }

    /// <summary>Aspire's type names: Project, Postgres, PostgresDatabase, ProviderSimulator, ExternalService.</summary>
    string ResourceType { get; }
}

/// <summary>A resource others can reference by connection string (<c>ConnectionStrings__{name}</c>).</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>The connection string, once the resource has started.</summary>
    Task<string> GetConnectionStringAsync(CancellationToken cancellationToken = default);
}

/// <summary>A resource others can reference by URL (<c>services__{name}__http__0</c>).</summary>
public interface IResourceWithServiceDiscovery : IResource
{
    /// <summary>The base URL clients use, once the resource has started (for replicas, the public endpoint).</summary>
    Task<Uri> GetEndpointAsync(CancellationToken cancellationToken = default);
}
