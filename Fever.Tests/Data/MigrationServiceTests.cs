using Fever.Data;
using Fever.Testing;
using Fever.Tests.Infrastructure;
using Npgsql;

namespace Fever.Tests.Data;

/// <summary>
/// Fever.MigrationService as the AppHost runs it, a process of its own: it brings a database to this build's schema and
/// exits 0, or exits 1 saying why; the services only check the schema, and refuse an older one by name.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MigrationServiceTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Migrates_an_empty_database_and_exits_0_then_finds_nothing_to_do()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();

        var (first, firstOutput) = await RunAsync(connectionString);
        var (second, secondOutput) = await RunAsync(connectionString);

        Assert.True(first == 0, firstOutput);
        Assert.Contains($"The schema is at version {Migration.Latest} ({Migration.Embedded.Count} migrations applied now)", firstOutput);
        Assert.True(second == 0, secondOutput);
        Assert.Contains($"The schema is at version {Migration.Latest} (0 migrations applied now)", secondOutput);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new SchemaCheck(dataSource).EnsureCurrentAsync();
    }

    [Fact]
    public async Task Exits_1_naming_the_migration_changed_after_it_was_applied()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        await using (var tamper = dataSource.CreateCommand("UPDATE schema_history SET checksum = 'edited' WHERE version = 1"))
            await tamper.ExecuteNonQueryAsync();

        var (exitCode, output) = await RunAsync(connectionString);

        Assert.True(exitCode == 1, output);
        Assert.Contains("was changed after it was applied", output);
    }

    [Fact]
    public async Task Exits_1_when_postgres_cannot_be_reached()
    {
        var (exitCode, output) = await RunAsync($"Host=127.0.0.1;Port={LoopbackPort.Free()};Database=feverdb;Username=postgres;Password=x;Timeout=2");

        Assert.True(exitCode == 1, output);
        Assert.Contains("The migrations could not be applied", output);
    }

    [Fact]
    public async Task The_schema_check_refuses_a_database_without_this_builds_migrations_by_name()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateEmptyDatabaseAsync());

        var refused = await Assert.ThrowsAsync<SchemaOutOfDateException>(() => new SchemaCheck(dataSource).EnsureCurrentAsync());

        Assert.Contains($"lacks migration 1 ({Migration.Embedded[0].Name})", refused.Message);
        Assert.Contains("Fever.MigrationService", refused.Message);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string connectionString)
    {
        await using var service = ServiceProcess.Start("Fever.MigrationService", new Dictionary<string, string>
        {
            ["ConnectionStrings__feverdb"] = connectionString,
        });
        var exitCode = await service.Exited.WaitAsync(Patience);
        return (exitCode, service.Output);
    }
}
