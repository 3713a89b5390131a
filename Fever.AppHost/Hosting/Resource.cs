namespace Fever.AppHost.Hosting;

/// <summary>What every resource carries in the model: its name and the resources it waits for.</summary>
public abstract class Resource(string name) : IResource
{
    public string Name { get; } = ResourceName.Validate(name);

    public abstract string ResourceType { get; }

    /// <summary>Resources that must be Running and Healthy before this one starts (<c>WaitFor</c>).</summary>
    public List<IResource> WaitsFor { get; } = [];

    /// <summary>How the AppHost tells whether the resource is healthy once it runs; null: healthy when running.</summary>
    public IHealthProbe? HealthProbe { get; set; }

    /// <summary>Links a person wants, relative to the resource's endpoint (<c>WithUrl</c>): shown in the console and the resource service.</summary>
    public List<ResourceLink> Links { get; } = [];
}

/// <summary>A named link into a resource, e.g. ("Search", "/search?starts_at=…").</summary>
public sealed record ResourceLink(string Text, string Path)
{
    public Uri Resolve(Uri endpoint) => new(endpoint, Path);
}
