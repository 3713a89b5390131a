using System.Reflection;
using Fever.AppHost.Hosting.Testing;
using Microsoft.Extensions.Configuration;

namespace Fever.AppHost.Hosting;

/// <summary>
/// Collects the resources of the app and its configuration (command line, environment), as Aspire's builder
/// does; <see cref="Build"/> turns them into a runnable <see cref="DistributedApplication"/>.
/// </summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<IResource> _resources = [];
    private TestingHook? _testingHook;

    internal DistributedApplicationBuilder(string[] args)
    {
        _testingHook = TestingHook.Current;
        Configuration = new ConfigurationManager();
        Configuration.AddEnvironmentVariables();
        Configuration.AddCommandLine(ExpandSwitches(args));
        _testingHook?.Configure(Configuration);
        EnvironmentName = Configuration["DOTNET_ENVIRONMENT"] ?? Configuration["ASPNETCORE_ENVIRONMENT"] ?? "Development";
    }

    public ConfigurationManager Configuration { get; }

    /// <summary>Handed to the projects as DOTNET_ENVIRONMENT / ASPNETCORE_ENVIRONMENT; Development unless set.</summary>
    public string EnvironmentName { get; }

    /// <summary>The AppHost project's folder, recorded at build time.</summary>
    public string AppHostDirectory { get; } =
        typeof(DistributedApplicationBuilder).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "AppHostDirectory")?.Value ?? AppContext.BaseDirectory;

    public IReadOnlyList<IResource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
            throw new InvalidOperationException($"A resource named '{resource.Name}' already exists.");
        _resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    /// <summary>A builder for a resource added earlier, e.g. by the AppHost's Program.cs, to change it in a test.</summary>
    public IResourceBuilder<T> CreateResourceBuilder<T>(string name) where T : IResource =>
        _resources.OfType<T>().FirstOrDefault(r => r.Name == name) is { } resource
            ? new ResourceBuilder<T>(resource, this)
            : throw new InvalidOperationException($"There is no {typeof(T).Name} named '{name}'.");

    public DistributedApplication Build()
    {
        if (_testingHook is { } hook)
        {
            // Under the testing builder the entry point ends here; the test builds the app itself.
            _testingHook = null;
            hook.Capture(this);
        }
        return new DistributedApplication(this);
    }

    /// <summary><c>--fresh</c> is short for <c>--AppHost:Fresh=true</c>.</summary>
    private static string[] ExpandSwitches(string[] args) =>
        args.Select(arg => arg == "--fresh" ? "--AppHost:Fresh=true" : arg).ToArray();
}
