using Fever.AppHost.Postgres;
using Npgsql;

namespace Fever.AppHost.Hosting;

internal sealed class PostgresServerRunner(PostgresServerResource resource, AppHostContext context) : IResourceRunner
{
    private LocalPostgres? _server;

    public IReadOnlyList<ResourceSnapshot> InitialSnapshots => [new(resource.Name, resource.Name, resource.ResourceType)];

    public IReadOnlyList<ResourceInstance> RunningInstances => _server is null ? [] : [new(resource.Name, null)];

    public async Task StartAsync(CancellationToken stopping)
    {
        context.Notifications.Update(resource.Name, s => s with { State = KnownResourceStates.Starting });
        var dataDirectory = resource.DataDirectory is { } folder && context.StateDirectory is { } state ? Path.Combine(state, folder) : null;
        _server = await LocalPostgres.StartAsync(
            new LocalPostgresOptions { DataDirectory = dataDirectory, Port = context.Port(resource.Port), Fresh = context.Options.Fresh },
            line => context.Logs.Log(resource.Name, line),
            stopping);
        resource.SetServer(_server);
        var url = $"postgresql://127.0.0.1:{_server.Port}";
        context.Notifications.Update(resource.Name, s => s with
        {
            State = KnownResourceStates.Running, ProcessId = _server.ProcessId, StartTime = DateTimeOffset.UtcNow, Urls = [url],
            Message = dataDirectory is null ? "Throwaway cluster." : $"Data in {dataDirectory}.",
        });
    }

    public async Task StopAsync()
    {
        if (_server is null)
            return;
        context.Notifications.Update(resource.Name, s => s with { State = KnownResourceStates.Stopping });
        await _server.DisposeAsync();
        context.Notifications.Update(resource.Name, s => s with { State = KnownResourceStates.Finished, Health = null, StopTime = DateTimeOffset.UtcNow });
    }
}

internal sealed class PostgresDatabaseRunner(PostgresDatabaseResource resource, AppHostContext context) : IResourceRunner
{
    private bool _created;

    public IReadOnlyList<ResourceSnapshot> InitialSnapshots => [new(resource.Name, resource.Name, resource.ResourceType)];

    public IReadOnlyList<ResourceInstance> RunningInstances => _created ? [new(resource.Name, null)] : [];

    public async Task StartAsync(CancellationToken stopping)
    {
        var server = await resource.Parent.Server;
        await server.CreateDatabaseAsync(resource.DatabaseName, stopping);
        _created = true;
        resource.SetCreated();
        context.Notifications.Update(resource.Name, s => s with
        {
            State = KnownResourceStates.Running, StartTime = DateTimeOffset.UtcNow, Urls = [$"postgresql://127.0.0.1:{server.Port}/{resource.DatabaseName}"],
        });
    }

    public Task StopAsync()
    {
        if (_created)
            context.Notifications.Update(resource.Name, s => s with { State = KnownResourceStates.Finished, Health = null, StopTime = DateTimeOffset.UtcNow });
        return Task.CompletedTask;
    }
}

/// <summary>Healthy when a connection opens and answers <c>SELECT 1</c>.</summary>
internal sealed class PostgresHealthProbe(IResourceWithConnectionString resource) : IHealthProbe
{
    public async Task<HealthStatus> CheckAsync(ResourceInstance instance, CancellationToken cancellationToken)
    {
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(await resource.GetConnectionStringAsync(cancellationToken))
            {
                Pooling = false, Timeout = 3,
            }.ConnectionString;
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthStatus.Healthy;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return HealthStatus.Unhealthy;
        }
    }
}
