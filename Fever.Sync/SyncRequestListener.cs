using System.Threading.Channels;
using Fever.Data;
using Npgsql;

namespace Fever.Sync;

/// <summary>
/// LISTENs on <see cref="SyncRequestChannel.Name"/> (the API's <c>requestSync</c>) and tells the worker to run now.
/// Requests that arrive during a run collapse into one run after it. Reconnects, every 5 s, if PostgreSQL goes away.
/// </summary>
public sealed partial class SyncRequestListener(NpgsqlDataSource dataSource, ILogger<SyncRequestListener> logger) : BackgroundService
{
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Completes when a run has been requested since the last call.</summary>
    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _requests.Reader.ReadAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) =>
                {
                    LogSyncRequested();
                    _requests.Writer.TryWrite(true);
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {SyncRequestChannel.Name}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                while (true)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                LogNotListening(exception.Message);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A sync was requested")]
    private partial void LogSyncRequested();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not listening for sync requests ({Reason}); retrying in 5 s")]
    private partial void LogNotListening(string reason);
}
