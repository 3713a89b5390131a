using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fever.Data;

/// <summary>
/// Applies the embedded SQL migrations that a database lacks, each in its own transaction, under a
/// session advisory lock so that several services or replicas starting at once apply each one once.
/// Applied scripts are recorded in <c>schema_history</c> with a checksum; an edited script is refused.
/// Fever.MigrationService runs it once before the services start; the services only check (<see cref="SchemaCheck"/>).
/// </summary>
public sealed partial class DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    private const long AdvisoryLockKey = 0x4645564552_01; // "FEVER", 1

    /// <summary>Applies the embedded migrations the database lacks; returns how many.</summary>
    public Task<int> EnsureAppliedAsync(CancellationToken cancellationToken = default) => ApplyAsync(Migration.Embedded, cancellationToken);

    /// <summary>Applies the given migrations the database lacks, in order; returns how many.</summary>
    public async Task<int> ApplyAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_history (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);

            var applied = await SchemaHistory.ReadAsync(connection, cancellationToken);
            var count = 0;
            foreach (var migration in migrations)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                        throw new InvalidOperationException(
                            $"Migration {migration.Version} ({migration.Name}) was changed after it was applied; add a new migration instead.");
                    continue;
                }

                await ApplyOneAsync(connection, migration, cancellationToken);
                LogApplied(migration.Version, migration.Name);
                count++;
            }
            return count;
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private static async Task ApplyOneAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, migration.Sql, cancellationToken);
        await using (var record = new NpgsqlCommand(
            "INSERT INTO schema_history (version, name, checksum) VALUES ($1, $2, $3)", connection))
        {
            record.Parameters.Add(new() { Value = migration.Version });
            record.Parameters.Add(new() { Value = migration.Name });
            record.Parameters.Add(new() { Value = migration.Checksum });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version} ({Name})")]
    private partial void LogApplied(int version, string name);
}
