using Fever.Data;
using Fever.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fever.Tests.Infrastructure;

/// <summary>One throwaway PostgreSQL cluster for the whole test run; each test takes a database of its own.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private int _databases;

    public LocalPostgres Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await LocalPostgres.StartAsync(new LocalPostgresOptions());

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A new, empty database (no schema: what Fever.MigrationService starts from); returns its connection string.</summary>
    public Task<string> CreateEmptyDatabaseAsync() =>
        Server.CreateDatabaseAsync($"test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..30]);

    /// <summary>A new database with every migration applied, as the AppHost hands it to the services; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var connectionString = await CreateEmptyDatabaseAsync();
        await Migrations.ApplyAsync(connectionString);
        return connectionString;
    }

    /// <summary>A new database with every migration applied.</summary>
    public async Task<NpgsqlDataSource> CreateMigratedDatabaseAsync() => NpgsqlDataSource.Create(await CreateDatabaseAsync());
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
