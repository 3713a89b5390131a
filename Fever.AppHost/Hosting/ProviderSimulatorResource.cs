using Fever.AppHost.Simulator;

namespace Fever.AppHost.Hosting;

/// <summary>The partner's feed, simulated in the AppHost's process (see <see cref="ProviderSimulator"/>).</summary>
public sealed class ProviderSimulatorResource(string name, ProviderSimulatorOptions options) : Resource(name), IResourceWithServiceDiscovery
{
    private readonly TaskCompletionSource<ProviderSimulator> _simulator = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override string ResourceType => "ProviderSimulator";

    public ProviderSimulatorOptions Options { get; } = options;

    /// <summary>The running simulator, so tests can queue faults (<c>FailNext</c>, <c>TruncateNext</c>…).</summary>
    public Task<ProviderSimulator> Simulator => _simulator.Task;

    public async Task<Uri> GetEndpointAsync(CancellationToken cancellationToken = default) =>
        (await _simulator.Task.WaitAsync(cancellationToken)).BaseAddress;

    internal void SetSimulator(ProviderSimulator simulator) => _simulator.TrySetResult(simulator);
}

internal sealed class ProviderSimulatorRunner(ProviderSimulatorResource resource, AppHostContext context) : IResourceRunner
{
    private ProviderSimulator? _simulator;

    public IReadOnlyList<ResourceSnapshot> InitialSnapshots => [new(resource.Name, resource.Name, resource.ResourceType)];

    public IReadOnlyList<ResourceInstance> RunningInstances => _simulator is null ? [] : [new(resource.Name, _simulator.BaseAddress)];

    public async Task StartAsync(CancellationToken stopping)
    {
        _simulator = await ProviderSimulator.StartAsync(resource.Options, stopping);
        resource.SetSimulator(_simulator);
        context.Logs.Log(resource.Name, $"Serving {_simulator.Status.Mode} on {_simulator.FeedUrl}");
        context.Notifications.Update(resource.Name, s => s with
        {
            State = KnownResourceStates.Running, ProcessId = Environment.ProcessId, StartTime = DateTimeOffset.UtcNow,
            Urls = [_simulator.FeedUrl.ToString(), new Uri(_simulator.BaseAddress, "simulator/status").ToString()],
        });
    }

    public async Task StopAsync()
    {
        if (_simulator is null)
            return;
        await _simulator.DisposeAsync();
        context.Notifications.Update(resource.Name, s => s with { State = KnownResourceStates.Finished, Health = null, StopTime = DateTimeOffset.UtcNow });
    }
}
