using Fever.AppHost.Processes;
using Microsoft.Extensions.Logging;

namespace Fever.AppHost.Hosting;

/// <summary>What resource runners share at run time.</summary>
internal sealed class AppHostContext(
    AppHostOptions options,
    string? stateDirectory,
    string environmentName,
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    ILoggerFactory loggerFactory)
{
    public AppHostOptions Options { get; } = options;

    /// <summary>Where resources keep data; null when nothing is kept.</summary>
    public string? StateDirectory { get; } = stateDirectory;

    public string EnvironmentName { get; } = environmentName;

    public ResourceNotificationService Notifications { get; } = notifications;

    public ResourceLoggerService Logs { get; } = logs;

    public ILogger Logger { get; } = loggerFactory.CreateLogger("Fever.AppHost");

    /// <summary>The children's pid files, when state is kept; null otherwise.</summary>
    public ProcessLedger? Ledger { get; } = stateDirectory is null ? null : new ProcessLedger(Path.Combine(stateDirectory, "processes"));

    /// <summary>A fixed port, unless ports are randomized or none is set: then a free one.</summary>
    public int Port(int? fixedPort) => fixedPort is { } port && !Options.RandomizePorts ? port : LoopbackPort.Free();
}
