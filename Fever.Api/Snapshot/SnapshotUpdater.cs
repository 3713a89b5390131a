using System.Diagnostics;
using Fever.Data;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fever.Api.Snapshot;

/// <summary>
/// Keeps <see cref="EventSnapshotStore"/> current: LISTENs on <see cref="EventChanges.Channel"/>, loads every event at
/// start and then only rows whose version is newer than the snapshot's, re-checks every
/// <see cref="SnapshotOptions.RecheckInterval"/>, and reconnects with backoff when PostgreSQL goes away —
/// meanwhile the last snapshot keeps being served.
/// </summary>
public sealed partial class SnapshotUpdater(
    NpgsqlDataSource dataSource,
    SchemaCheck schema,
    EventSnapshotStore store,
    IOptions<SnapshotOptions> options,
    ILogger<SnapshotUpdater> logger) : BackgroundService
{
    private readonly SnapshotBuilder _builder = new();
    private long _notifications;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.Value.ReconnectDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() => delay = options.Value.ReconnectDelay, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                store.MarkDisconnected(exception);
                if (exception is SchemaOutOfDateException)
                    LogSchemaOutOfDate(exception.Message, store.Current?.Count ?? 0, delay.TotalMilliseconds);
                else
                    LogDisconnected(exception.Message, store.Current?.Count ?? 0, delay.TotalMilliseconds);
                // A stop during the wait is the end of the loop, not a failure of the service.
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.MaxReconnectDelay.Ticks));
            }
        }
    }

    private async Task ListenAsync(Action connected, CancellationToken cancellationToken)
    {
        await schema.EnsureCurrentAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        connection.Notification += (_, _) => Interlocked.Increment(ref _notifications);
        await using (var listen = new NpgsqlCommand($"LISTEN {EventChanges.Channel}", connection))
            await listen.ExecuteNonQueryAsync(cancellationToken);
        connected();

        while (true)
        {
            // A notification that arrives while the changes are read is consumed by that read; seeing the
            // counter move means one more read, so no change waits for the re-check.
            var seen = Interlocked.Read(ref _notifications);
            await RefreshAsync(connection, cancellationToken);
            if (Interlocked.Read(ref _notifications) != seen)
                continue;
            await connection.WaitAsync(options.Value.RecheckInterval, cancellationToken);
        }
    }

    private async Task RefreshAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        using var activity = ApiTracing.Source.StartActivity("snapshot refresh");
        try
        {
            var started = Stopwatch.GetTimestamp();
            var changes = await EventChangeReader.ReadChangesAsync(connection, _builder, cancellationToken);
            activity?.SetTag("fever.snapshot.changes", changes);
            activity?.SetTag("fever.snapshot.version", _builder.Version);
            activity?.SetTag("fever.snapshot.events", _builder.Count);
            if (changes > 0 || store.Current is null)
            {
                store.Publish(_builder.Build());
                LogRefreshed(_builder.Version, changes, _builder.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            store.MarkCurrent();
        }
        catch (Exception exception) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot read events: {Error} Serving the snapshot of {Events} events, checking again in {Delay} ms")]
    private partial void LogSchemaOutOfDate(string error, int events, double delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost PostgreSQL ({Error}); serving the snapshot of {Events} events, reconnecting in {Delay} ms")]
    private partial void LogDisconnected(string error, int events, double delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Snapshot at version {Version}: {Changes} events changed, {Events} in all ({Elapsed:F0} ms)")]
    private partial void LogRefreshed(long version, int changes, int events, double elapsed);
}
