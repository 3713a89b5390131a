using Aspire.Hosting.ApplicationModel;
using Fever.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Aspire.Hosting;

public static class SyncNowCommand
{
    public const string Name = "sync-now";

    /// <summary>
    /// A "Sync now" button on the worker in the dashboard: sends the same request as the API's <c>requestSync</c>
    /// (<c>NOTIFY sync_requested</c> on <paramref name="database"/>), which the worker answers with a run.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSyncNowCommand(
        this IResourceBuilder<ProjectResource> sync, IResourceBuilder<IResourceWithConnectionString> database) =>
        sync.WithCommand(Name, "Sync now", async context =>
        {
            try
            {
                var connectionString = await database.Resource.ConnectionStringExpression.GetValueAsync(context.CancellationToken);
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 }.ConnectionString);
                await connection.OpenAsync(context.CancellationToken);
                await using var notify = new NpgsqlCommand($"SELECT pg_notify('{SyncRequestChannel.Name}', '')", connection);
                await notify.ExecuteNonQueryAsync(context.CancellationToken);
                return CommandResults.Success();
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
            {
                return CommandResults.Failure($"Could not reach {database.Resource.Name}: {exception.Message}");
            }
        }, new CommandOptions
        {
            Description = "Ask the worker to sync with the provider now instead of at its next interval.",
            IconName = "ArrowSync",
            IsHighlighted = true,
            UpdateState = context => context.ResourceSnapshot.HealthStatus == HealthStatus.Healthy
                ? ResourceCommandState.Enabled
                : ResourceCommandState.Disabled,
        });
}
