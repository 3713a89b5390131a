namespace Fever.AppHost.Simulator;

/// <summary>
/// The simulator runs inside another process: it must not take over Ctrl+C and SIGTERM as the default
/// console lifetime does; whoever started it stops it.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
