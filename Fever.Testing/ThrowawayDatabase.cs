namespace Fever.Testing;

/// <summary>
/// A database in a throwaway PostgreSQL cluster of its own, with every migration applied (as the AppHost hands it to the
/// services), deleted with the cluster when disposed.
/// </summary>
public sealed class ThrowawayDatabase : IAsyncDisposable
{
    private ThrowawayDatabase(LocalPostgres server, string connectionString)
    {
        Server = server;
        ConnectionString = connectionString;
    }

    /// <summary>The cluster, for a test that stops PostgreSQL under a service or needs its port.</summary>
    public LocalPostgres Server { get; }

    public string ConnectionString { get; }

    public static async Task<ThrowawayDatabase> StartAsync(string name, CancellationToken cancellationToken = default)
    {
        var server = await LocalPostgres.StartAsync(new LocalPostgresOptions(), cancellationToken);
        try
        {
            var connectionString = await server.CreateDatabaseAsync(name, cancellationToken);
            await Migrations.ApplyAsync(connectionString, cancellationToken);
            return new ThrowawayDatabase(server, connectionString);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
