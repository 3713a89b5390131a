using Fever.Data;
using Fever.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fever.Tests.Data;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Creates_the_events_and_sync_runs_tables_with_the_search_index()
    {
        await using var dataSource = await postgres.CreateMigratedDatabaseAsync();

        var columns = await ListAsync(dataSource,
            "SELECT column_name || ' ' || data_type FROM information_schema.columns WHERE table_name = 'events'");
        Assert.Superset(new HashSet<string>
        {
            "id uuid", "base_plan_id bigint", "plan_id bigint", "title text",
            "starts_at timestamp without time zone", "ends_at timestamp without time zone",
            "min_price numeric", "max_price numeric", "zones jsonb",
            "first_seen_at timestamp with time zone", "last_seen_at timestamp with time zone",
        }, columns.ToHashSet());

        var indexes = await ListAsync(dataSource, "SELECT indexdef FROM pg_indexes WHERE tablename = 'events'");
        Assert.Contains(indexes, d => d.Contains("UNIQUE") && d.Contains("(base_plan_id, plan_id)"));
        Assert.Contains(indexes, d => d.Contains("events_search_idx") && d.Contains("(starts_at, id)"));
        Assert.Contains("sync_runs", await ListAsync(dataSource, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    public async Task Replicas_starting_together_apply_each_migration_once()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        var dataSources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();

        await Task.WhenAll(dataSources.Select(ds =>
            new DatabaseMigrator(ds, NullLogger<DatabaseMigrator>.Instance).EnsureAppliedAsync()));

        var history = await ListAsync(dataSources[0], "SELECT version::text FROM schema_history ORDER BY version");
        Assert.Equal(Migration.Embedded.Select(m => m.Version.ToString()), history);
        foreach (var ds in dataSources)
            await ds.DisposeAsync();
    }

    [Fact]
    public async Task Applies_only_what_is_missing_and_refuses_an_edited_migration()
    {
        await using var dataSource = await postgres.CreateMigratedDatabaseAsync();
        var migrator = new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance);
        var next = new Migration(9001, "add_a_table", "CREATE TABLE later_table (x int)");

        await migrator.ApplyAsync([.. Migration.Embedded, next]);
        await migrator.ApplyAsync([.. Migration.Embedded, next]);
        Assert.Contains("later_table", await ListAsync(dataSource, "SELECT tablename FROM pg_tables"));

        var edited = next with { Sql = "CREATE TABLE later_table (x int, y int)" };
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.ApplyAsync([.. Migration.Embedded, edited]));
        Assert.Contains("9001", exception.Message);
    }

    [Fact]
    public async Task A_failing_migration_leaves_no_trace_and_is_retried_next_time()
    {
        await using var dataSource = await postgres.CreateMigratedDatabaseAsync();
        var migrator = new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance);
        var broken = new Migration(9002, "broken", "CREATE TABLE half_done (x int); SELECT 1/0;");

        await Assert.ThrowsAsync<PostgresException>(() => migrator.ApplyAsync([.. Migration.Embedded, broken]));

        Assert.DoesNotContain("half_done", await ListAsync(dataSource, "SELECT tablename FROM pg_tables"));
        Assert.DoesNotContain("9002", await ListAsync(dataSource, "SELECT version::text FROM schema_history"));
    }

    internal static async Task<List<string>> ListAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
            values.Add(reader.GetString(0));
        return values;
    }
}
