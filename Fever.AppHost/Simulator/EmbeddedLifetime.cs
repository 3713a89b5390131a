namespace Fever.AppHost.Simulator;

/// <summary>
/// A web app embedded in another process (the simulator; the benchmarks' ceiling server) must not take over
/// Ctrl+C and SIGTERM as the default console lifetime does; whoever started it stops it.
/// </summary>
public sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
