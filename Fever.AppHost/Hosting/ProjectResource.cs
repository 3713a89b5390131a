namespace Fever.AppHost.Hosting;

/// <summary>A .NET project of the solution, run from its build output as one or more child processes.</summary>
public sealed class ProjectResource(string name, IProjectMetadata project) : Resource(name), IResourceWithServiceDiscovery
{
    private readonly TaskCompletionSource<Uri> _endpoint = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override string ResourceType => "Project";

    public IProjectMetadata Project { get; } = project;

    /// <summary>How many processes serve the resource; above one, the AppHost spreads connections over them.</summary>
    public int Replicas { get; set; } = 1;

    /// <summary>The stable public port (e.g. 5080); null: a free port at each start.</summary>
    public int? Port { get; set; }

    /// <summary>Callbacks that fill the child's environment (references, <c>WithEnvironment</c>).</summary>
    public List<Func<EnvironmentContext, Task>> EnvironmentCallbacks { get; } = [];

    public Task<Uri> GetEndpointAsync(CancellationToken cancellationToken = default) => _endpoint.Task.WaitAsync(cancellationToken);

    internal void SetEndpoint(Uri url) => _endpoint.TrySetResult(url);
}

/// <summary>The environment of a child being started, and the instance it is for.</summary>
public sealed class EnvironmentContext(string instanceName, CancellationToken cancellationToken)
{
    public Dictionary<string, string> Variables { get; } = [];

    public string InstanceName { get; } = instanceName;

    public CancellationToken CancellationToken { get; } = cancellationToken;
}
