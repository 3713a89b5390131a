using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fever.AppHost.Hosting;

/// <summary>
/// Starts each resource once what it waits for is Running and Healthy, watches health, and on stop stops the
/// resources in the reverse order of the model (dependents first).
/// </summary>
internal sealed class ResourceOrchestrator(IReadOnlyList<IResource> resources, AppHostContext context, IHostApplicationLifetime lifetime)
    : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<(Resource Resource, IResourceRunner Runner)> _runners = [];
    private readonly List<Task> _tasks = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        context.Ledger?.Claim();
        foreach (var leftover in context.Ledger?.StopLeftovers(context.Options.StopGracePeriod) ?? [])
            context.Logger.LogWarning("Stopped {Resource}, left running by an AppHost that did not stop cleanly", leftover);
        foreach (var resource in resources.Cast<Resource>())
        {
            var runner = CreateRunner(resource);
            _runners.Add((resource, runner));
            foreach (var snapshot in runner.InitialSnapshots)
                context.Notifications.Register(snapshot);
        }
        // Resources start once the host has started (the dashboard port is bound), so a host that fails to
        // start leaves nothing running behind it.
        lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var (resource, runner) in _runners)
                _tasks.Add(RunAsync(resource, runner, _stopping.Token));
        });
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_tasks);
        context.Logger.LogInformation("Stopping {Resources}", string.Join(", ", Enumerable.Reverse(_runners).Select(r => r.Resource.Name)));
        foreach (var (resource, runner) in Enumerable.Reverse(_runners))
        {
            try
            {
                await runner.StopAsync();
                context.Logger.LogInformation("{Resource} stopped", resource.Name);
            }
            catch (Exception exception)
            {
                context.Logger.LogError(exception, "Stopping {Resource} failed", resource.Name);
            }
        }
        context.Ledger?.Release();
        _stopping.Dispose();
    }

    /// <summary>Runs a dashboard command on one instance of a resource whose runner takes commands.</summary>
    /// <exception cref="KeyNotFoundException">No such instance.</exception>
    /// <exception cref="NotSupportedException">Its resource takes no commands.</exception>
    /// <exception cref="InvalidOperationException">The command does not apply now.</exception>
    public Task ExecuteCommandAsync(string instanceName, ResourceCommand command)
    {
        var runner = _runners.Select(r => r.Runner).FirstOrDefault(r => r.InitialSnapshots.Any(s => s.Name == instanceName))
            ?? throw new KeyNotFoundException($"There is no resource instance named '{instanceName}'.");
        return runner is IResourceCommands commands
            ? commands.ExecuteAsync(instanceName, command)
            : throw new NotSupportedException($"{instanceName} cannot be stopped or started on its own: the resources that depend on it would lose it.");
    }

    private IResourceRunner CreateRunner(Resource resource) => resource switch
    {
        ProjectResource project => new ProjectRunner(project, context),
        PostgresServerResource postgres => new PostgresServerRunner(postgres, context),
        PostgresDatabaseResource database => new PostgresDatabaseRunner(database, context),
        ProviderSimulatorResource simulator => new ProviderSimulatorRunner(simulator, context),
        ExternalServiceResource external => new ExternalServiceRunner(external, context),
        _ => throw new NotSupportedException($"The AppHost cannot run {resource.GetType().Name} '{resource.Name}'."),
    };

    private async Task RunAsync(Resource resource, IResourceRunner runner, CancellationToken stopping)
    {
        await Task.Yield();
        var names = runner.InitialSnapshots.Select(s => s.Name).ToList();
        try
        {
            foreach (var dependency in resource.WaitsFor)
            {
                Update(names, s => s with { State = KnownResourceStates.Waiting, Message = $"Waiting for {dependency.Name}." });
                await context.Notifications.WaitForResourceHealthyAsync(dependency.Name, stopping);
            }
            Update(names, s => s with { Message = null });
            await runner.StartAsync(stopping);
            if (resource.HealthProbe is null)
                Update(names, s => s.State == KnownResourceStates.Running ? s with { Health = HealthStatus.Healthy } : s);
            context.Logger.LogInformation("{Resource} is running", resource.Name);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            context.Logger.LogError("{Resource} failed to start: {Error}", resource.Name, exception.Message);
            Update(names, s => s with { State = KnownResourceStates.FailedToStart, Health = null, Message = exception.Message });
            return;
        }
        if (resource.HealthProbe is { } probe)
            await WatchHealthAsync(resource, runner, probe, stopping);
    }

    /// <summary>Checks every running instance each second until all are healthy, then every <see cref="AppHostOptions.HealthCheckInterval"/>.</summary>
    private async Task WatchHealthAsync(Resource resource, IResourceRunner runner, IHealthProbe probe, CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var allHealthy = true;
                foreach (var instance in runner.RunningInstances)
                {
                    var health = await probe.CheckAsync(instance, stopping);
                    allHealthy &= health == HealthStatus.Healthy;
                    context.Notifications.Update(instance.Name, s => s.State is KnownResourceStates.Running or KnownResourceStates.Unhealthy
                        ? s with { Health = health, State = health == HealthStatus.Unhealthy ? KnownResourceStates.Unhealthy : KnownResourceStates.Running }
                        : s);
                }
                allHealthy &= context.Notifications.GetInstances(resource.Name).All(s => s.IsHealthy);
                await Task.Delay(allHealthy ? context.Options.HealthCheckInterval : TimeSpan.FromSeconds(1), stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private void Update(IEnumerable<string> names, Func<ResourceSnapshot, ResourceSnapshot> change)
    {
        foreach (var name in names)
            context.Notifications.Update(name, change);
    }
}
