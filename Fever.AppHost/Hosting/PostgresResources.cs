using Fever.AppHost.Postgres;

namespace Fever.AppHost.Hosting;

/// <summary>A PostgreSQL server run by <see cref="LocalPostgres"/> from the machine's binaries.</summary>
public sealed class PostgresServerResource(string name) : Resource(name), IResourceWithConnectionString
{
    private readonly TaskCompletionSource<LocalPostgres> _server = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override string ResourceType => "Postgres";

    /// <summary>Loopback port; null: a free one.</summary>
    public int? Port { get; set; }

    /// <summary>Folder of the cluster, relative to the AppHost's state folder; null: a throwaway cluster.</summary>
    public string? DataDirectory { get; set; }

    public async Task<string> GetConnectionStringAsync(CancellationToken cancellationToken = default) =>
        (await _server.Task.WaitAsync(cancellationToken)).ConnectionString();

    internal Task<LocalPostgres> Server => _server.Task;

    internal void SetServer(LocalPostgres server) => _server.TrySetResult(server);
}

/// <summary>A database of a <see cref="PostgresServerResource"/>, created when the server first runs.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithConnectionString
{
    private readonly TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override string ResourceType => "PostgresDatabase";

    public string DatabaseName { get; } = databaseName;

    public PostgresServerResource Parent { get; } = parent;

    public async Task<string> GetConnectionStringAsync(CancellationToken cancellationToken = default)
    {
        await _created.Task.WaitAsync(cancellationToken);
        return (await Parent.Server).ConnectionString(DatabaseName);
    }

    internal void SetCreated() => _created.TrySetResult();
}
