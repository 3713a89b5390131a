using System.Text.Json;
using Fever.Data;
using Npgsql;
using NpgsqlTypes;

namespace Fever.Sync.Storage;

/// <summary>
/// Records sync runs in <c>sync_runs</c>: a row when a run starts, completed when it ends. Plain SQL rather
/// than EF Core: two statements per run do not need a model, and a cold EF query costs a second of start-up.
/// </summary>
public sealed class SyncRunStore(NpgsqlDataSource dataSource)
{
    public async Task StartAsync(SyncRun run, TimeSpan abandonAfter, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();

        // A worker killed mid-run leaves its row 'running' forever; close such rows once they cannot be alive.
        batch.BatchCommands.Add(Command("""
            UPDATE sync_runs SET outcome = 'abandoned', error = 'The worker stopped before finishing this run.'
            WHERE outcome = 'running' AND started_at < $1
            """, run.StartedAt - abandonAfter));
        batch.BatchCommands.Add(Command("""
            INSERT INTO sync_runs (started_at, outcome, worker, provider_url) VALUES ($1, $2, $3, $4) RETURNING id
            """, run.StartedAt, run.Outcome.ToText(), run.Worker, run.ProviderUrl));

        run.Id = (long)(await batch.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task FinishAsync(SyncRun run, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE sync_runs SET finished_at = $2, outcome = $3, http_status = $4, attempts = $5, bytes_read = $6,
                plans_seen = $7, plans_inserted = $8, plans_updated = $9, plans_unchanged = $10, plans_skipped = $11,
                zones_skipped = $12, skip_reasons = $13, error = $14
            WHERE id = $1
            """);
        command.Parameters.AddRange(new[]
        {
            Parameter(run.Id), Parameter(run.FinishedAt), Parameter(run.Outcome.ToText()), Parameter(run.HttpStatus),
            Parameter(run.Attempts), Parameter(run.BytesRead), Parameter(run.PlansSeen), Parameter(run.PlansInserted),
            Parameter(run.PlansUpdated), Parameter(run.PlansUnchanged), Parameter(run.PlansSkipped), Parameter(run.ZonesSkipped),
            new NpgsqlParameter { Value = JsonSerializer.Serialize(run.SkipReasons), NpgsqlDbType = NpgsqlDbType.Jsonb },
            Parameter(run.Error),
        });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(values.Select(Parameter).ToArray());
        return command;
    }

    private static NpgsqlParameter Parameter(object? value) => new() { Value = value ?? DBNull.Value };
}
