using Fever.AppHost.Postgres;

namespace Fever.Benchmarks;

/// <summary>A database in a throwaway PostgreSQL cluster of its own, deleted when disposed.</summary>
public sealed class ThrowawayDatabase : IAsyncDisposable
{
    private const string Name = "bench";
    private readonly LocalPostgres _postgres;

    private ThrowawayDatabase(LocalPostgres postgres)
    {
        _postgres = postgres;
        ConnectionString = postgres.ConnectionString(Name);
    }

    public string ConnectionString { get; }

    public static async Task<ThrowawayDatabase> StartAsync(CancellationToken cancellationToken)
    {
        var postgres = await LocalPostgres.StartAsync(new LocalPostgresOptions(), cancellationToken: cancellationToken);
        try
        {
            await postgres.CreateDatabaseAsync(Name, cancellationToken);
            return new ThrowawayDatabase(postgres);
        }
        catch
        {
            await postgres.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _postgres.DisposeAsync();
}
