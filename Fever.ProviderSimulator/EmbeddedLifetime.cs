namespace Fever.ProviderSimulator;

/// <summary>
/// A web app embedded in another process (<see cref="EmbeddedProviderSimulator"/>; an app a test or a benchmark hosts)
/// must not take over Ctrl+C and SIGTERM as the default console lifetime does; whoever started it stops it.
/// </summary>
public sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
