using Fever.Data;
using Microsoft.Extensions.Options;

namespace Fever.Sync;

/// <summary>Runs a sync at start, then every <see cref="SyncOptions.Interval"/> or when one is requested, one run at a time.</summary>
public sealed partial class SyncWorker(
    SyncRunner runner,
    SyncRequestListener requests,
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

        LogSchedule(options.Value.Interval);
        try
        {
            while (true)
            {
                var started = System.Diagnostics.Stopwatch.StartNew();
                await runner.RunAsync(stoppingToken);
                using var next = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var tick = Task.Delay(TimeSpan.FromTicks(Math.Max(0, (options.Value.Interval - started.Elapsed).Ticks)), next.Token);
                var request = requests.WaitAsync(next.Token).AsTask();
                await Task.WhenAny(tick, request);
                stoppingToken.ThrowIfCancellationRequested();
                await next.CancelAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Syncing now and every {Interval}")]
    private partial void LogSchedule(TimeSpan interval);
}
