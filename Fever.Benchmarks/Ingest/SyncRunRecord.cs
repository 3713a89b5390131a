using Npgsql;

namespace Fever.Benchmarks.Ingest;

/// <summary>A row of the worker's <c>sync_runs</c> table: how the run went, timed by the worker itself.</summary>
public sealed record SyncRunRecord(
    long Id,
    DateTime StartedAt,
    DateTime? FinishedAt,
    string Outcome,
    long BytesRead,
    int PlansSeen,
    int PlansInserted,
    int PlansUpdated,
    int PlansUnchanged,
    int PlansSkipped)
{
    /// <summary>From the run's start (after start-up and migrations) to its end, as the worker recorded them.</summary>
    public TimeSpan Duration => (FinishedAt ?? StartedAt) - StartedAt;

    public Throughput Throughput => new(BytesRead, Duration);

    /// <summary>The runs that have finished, oldest first (a table that does not exist yet has none).</summary>
    public static async Task<List<SyncRunRecord>> ReadFinishedAsync(string connectionString, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id, started_at, finished_at, outcome, bytes_read,
                   plans_seen, plans_inserted, plans_updated, plans_unchanged, plans_skipped
            FROM sync_runs
            WHERE finished_at IS NOT NULL
            ORDER BY id
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        var runs = new List<SyncRunRecord>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                runs.Add(new SyncRunRecord(
                    reader.GetInt64(0),
                    reader.GetDateTime(1),
                    reader.GetDateTime(2),
                    reader.GetString(3),
                    reader.GetInt64(4),
                    reader.GetInt32(5),
                    reader.GetInt32(6),
                    reader.GetInt32(7),
                    reader.GetInt32(8),
                    reader.GetInt32(9)));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
        }
        return runs;
    }
}
