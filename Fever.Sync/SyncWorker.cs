using Fever.Data;
using Microsoft.Extensions.Options;

namespace Fever.Sync;

/// <summary>Runs a sync at start, then every <see cref="SyncOptions.Interval"/>, one run at a time.</summary>
public sealed class SyncWorker(
    SyncRunner runner,
    IOptions<SyncOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<SyncWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RunOnce)
        {
            var run = await runner.RunAsync(stoppingToken);
            Environment.ExitCode = run?.Outcome == SyncOutcome.Succeeded ? 0 : 1;
            lifetime.StopApplication();
            return;
        }

        logger.LogInformation("Syncing now and every {Interval}", options.Value.Interval);
        using var timer = new PeriodicTimer(options.Value.Interval);
        try
        {
            do
            {
                await runner.RunAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
