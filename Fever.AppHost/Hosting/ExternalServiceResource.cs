namespace Fever.AppHost.Hosting;

/// <summary>A service the AppHost does not run, known by its URL (Aspire's <c>AddExternalService</c>).</summary>
public sealed class ExternalServiceResource(string name, Uri url) : Resource(name), IResourceWithServiceDiscovery
{
    public override string ResourceType => "ExternalService";

    public Uri Url { get; } = url;

    public Task<Uri> GetEndpointAsync(CancellationToken cancellationToken = default) => Task.FromResult(Url);
}

internal sealed class ExternalServiceRunner(ExternalServiceResource resource, AppHostContext context) : IResourceRunner
{
    public IReadOnlyList<ResourceSnapshot> InitialSnapshots => [new(resource.Name, resource.Name, resource.ResourceType)];

    public IReadOnlyList<ResourceInstance> RunningInstances => [new(resource.Name, resource.Url)];

    public Task StartAsync(CancellationToken stopping)
    {
        context.Notifications.Update(resource.Name, s => s with
        {
            State = KnownResourceStates.Running, StartTime = DateTimeOffset.UtcNow, Urls = [resource.Url.ToString()],
        });
        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        context.Notifications.Update(resource.Name, s => s with { State = KnownResourceStates.Finished, Health = null, StopTime = DateTimeOffset.UtcNow });
        return Task.CompletedTask;
    }
}
