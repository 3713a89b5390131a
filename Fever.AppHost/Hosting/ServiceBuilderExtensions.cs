using Fever.AppHost.Simulator;
using Microsoft.Extensions.Configuration;

namespace Fever.AppHost.Hosting;

public static class ServiceBuilderExtensions
{
    /// <summary>The provider simulator, configured by the <c>Simulator</c> section (faults, latency, samples).</summary>
    public static IResourceBuilder<ProviderSimulatorResource> AddProviderSimulator(this DistributedApplicationBuilder builder, string name)
    {
        var options = new ProviderSimulatorOptions();
        builder.Configuration.GetSection(ProviderSimulatorOptions.SectionName).Bind(options);
        return builder.AddResource(new ProviderSimulatorResource(name, options));
    }

    /// <summary>A service that runs elsewhere, referenced by its base URL.</summary>
    public static IResourceBuilder<ExternalServiceResource> AddExternalService(this DistributedApplicationBuilder builder, string name, string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? builder.AddResource(new ExternalServiceResource(name, uri))
            : throw new ArgumentException($"The URL of '{name}' must be an absolute http(s) URL, not '{url}'.", nameof(url));
}
