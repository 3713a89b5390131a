namespace Fever.AppHost.Hosting;

/// <summary>The run-time side of a resource: starts it, reports its instances, stops it.</summary>
internal interface IResourceRunner
{
    /// <summary>The instances as registered before the start (names, type); one per replica.</summary>
    IReadOnlyList<ResourceSnapshot> InitialSnapshots { get; }

    /// <summary>Instances running now, for health checks.</summary>
    IReadOnlyList<ResourceInstance> RunningInstances { get; }

    /// <summary>Starts the resource (its dependencies are healthy); returns once it runs. <paramref name="stopping"/> ends with the app.</summary>
    Task StartAsync(CancellationToken stopping);

    Task StopAsync();
}

/// <summary>A running instance: its name and, for services, where it listens.</summary>
public sealed record ResourceInstance(string Name, Uri? Url);
