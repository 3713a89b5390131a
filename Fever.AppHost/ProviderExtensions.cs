using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

public static class ProviderExtensions
{
    /// <summary>
    /// Fever.ProviderSimulator, the partner's stand-in, with its fault knobs as parameters: <c>simulator-fail-every</c>,
    /// <c>simulator-failure-rate</c>, <c>simulator-max-latency</c>, <c>simulator-truncate-rate</c>, <c>simulator-loop</c>.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddProviderSimulator(this IDistributedApplicationBuilder builder, string name)
    {
        var simulator = builder.AddProject<Projects.Fever_ProviderSimulator>(name)
            .WithHttpEndpoint(name: "http")
            .WithHttpHealthCheck("/health")
            .WithRelativeUrl("/api/events", "Feed")
            .WithRelativeUrl("/simulator/status", "Status");
        foreach (var (parameter, setting, value) in SimulatorKnobs)
            simulator.WithEnvironment($"Simulator__{setting}", builder.AddParameter(parameter, value));
        return simulator;
    }

    private static readonly (string Parameter, string Setting, string Default)[] SimulatorKnobs =
    [
        ("simulator-fail-every", "FailEvery", "0"),
        ("simulator-failure-rate", "FailureRate", "0"),
        ("simulator-max-latency", "MaxLatency", "00:00:00"),
        ("simulator-truncate-rate", "TruncateRate", "0"),
        ("simulator-loop", "Loop", "true"),
    ];
}
