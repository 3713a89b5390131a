using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Watches every resource marked <see cref="RestartOnCrashAnnotation"/> and, when an instance finishes with a non-zero exit
/// code, runs the dashboard's own Start command on it after the policy's delay. Each instance's restarts are published as
/// its <see cref="RestartsProperty"/> property, so the dashboard shows them.
/// </summary>
internal sealed partial class CrashRestarter(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService resourceLogs,
    ILogger<CrashRestarter> logger) : BackgroundService
{
    public const string RestartsProperty = "fever.restarts";

    private readonly ConcurrentDictionary<string, InstanceHistory> _instances = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var change in notifications.WatchAsync(stoppingToken))
        {
            if (!change.Resource.TryGetLastAnnotation<RestartOnCrashAnnotation>(out var restart))
                continue;
            var history = _instances.GetOrAdd(change.ResourceId, _ => new InstanceHistory());
            var snapshot = change.Snapshot;
            history.Latest = snapshot;
            if (snapshot.State?.Text != KnownResourceStates.Finished || snapshot.ExitCode is null or 0
                || snapshot.StopTimeStamp is not { } stoppedAt || history.HandledStop == stoppedAt)
                continue;

            history.HandledStop = stoppedAt;
            var ranFor = stoppedAt - (snapshot.StartTimeStamp ?? stoppedAt);
            history.CrashesInARow = ranFor < restart.Policy.StableAfter ? history.CrashesInARow + 1 : 1;
            _ = RestartAsync(change, history, restart.Policy, snapshot.ExitCode.Value, stoppingToken);
        }
    }

    private async Task RestartAsync(ResourceEvent change, InstanceHistory history, RestartPolicy policy, int exitCode, CancellationToken stoppingToken)
    {
        var resourceLog = resourceLogs.GetLogger(change.ResourceId);
        if (history.CrashesInARow > policy.MaxCrashesInARow)
        {
            LogGaveUp(resourceLog, change.ResourceId, exitCode, policy.MaxCrashesInARow);
            LogGaveUp(logger, change.ResourceId, exitCode, policy.MaxCrashesInARow);
            return;
        }

        var delay = policy.DelayAfter(history.CrashesInARow);
        LogRestarting(resourceLog, change.ResourceId, exitCode, delay.TotalSeconds);
        LogRestarting(logger, change.ResourceId, exitCode, delay.TotalSeconds);
        try
        {
            await Task.Delay(delay, stoppingToken);
            // Someone may have pressed Start meanwhile, or the app may be stopping.
            if (history.Latest?.State?.Text != KnownResourceStates.Finished || history.Latest.StopTimeStamp != history.HandledStop)
                return;
            var result = await commands.ExecuteCommandAsync(change.ResourceId, KnownResourceCommands.StartCommand, stoppingToken);
            if (!result.Success)
            {
                LogRestartFailed(logger, change.ResourceId, result.Message);
                return;
            }
            history.Restarts++;
            await notifications.PublishUpdateAsync(change.Resource, change.ResourceId, s => s with
            {
                Properties = [.. s.Properties.Where(p => p.Name != RestartsProperty), new ResourcePropertySnapshot(RestartsProperty, history.Restarts)],
            });
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private sealed class InstanceHistory
    {
        public CustomResourceSnapshot? Latest { get; set; }
        public DateTime? HandledStop { get; set; }
        public int CrashesInARow { get; set; }
        public int Restarts { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Resource} exited with code {ExitCode}; restarting it in {Seconds:0.#} s.")]
    private static partial void LogRestarting(ILogger logger, string resource, int exitCode, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message =
        "{Resource} exited with code {ExitCode} after crashing {Crashes} times in a row soon after starting; not restarting it. Fix the cause and press Start.")]
    private static partial void LogGaveUp(ILogger logger, string resource, int exitCode, int crashes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not restart {Resource}: {Reason}")]
    private static partial void LogRestartFailed(ILogger logger, string resource, string? reason);
}
