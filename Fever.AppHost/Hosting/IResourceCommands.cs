namespace Fever.AppHost.Hosting;

/// <summary>A runner whose instances the dashboard can stop, start and restart one by one.</summary>
internal interface IResourceCommands
{
    /// <exception cref="InvalidOperationException">The command does not apply in the instance's state.</exception>
    Task ExecuteAsync(string instanceName, ResourceCommand command);
}

public enum ResourceCommand
{
    Stop,
    Start,
    Restart,
}
