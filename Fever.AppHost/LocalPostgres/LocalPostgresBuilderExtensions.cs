using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Aspire.Hosting;

/// <summary>
/// PostgreSQL without a container runtime, named and wired like <c>Aspire.Hosting.PostgreSQL</c>: AddLocalPostgres,
/// AddDatabase, a generated secret password, health checks on the server and each database, databases created when the
/// server is ready. The cluster's files stay in a folder across runs (see <see cref="PostgresCluster"/>).
/// </summary>
public static class LocalPostgresBuilderExtensions
{
    /// <summary>The resource property that shows where the cluster's files are.</summary>
    public const string DataDirectoryProperty = "fever.data.directory";

    /// <summary>
    /// A PostgreSQL server on <paramref name="port"/> (null: a free one) keeping its cluster in <paramref name="dataDirectory"/>
    /// (a folder the postgres user can reach is picked when the AppHost is root and cannot give it that one);
    /// <paramref name="fresh"/> deletes the cluster before the first start.
    /// </summary>
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, [ResourceName] string name, string dataDirectory, int? port = null, bool fresh = false)
    {
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var server = new LocalPostgresServerResource(name, password, PostgresCluster.At(Path.GetFullPath(dataDirectory)));

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (@event, cancellationToken) =>
        {
            var log = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
            var appLog = @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Fever.AppHost");
            var cluster = server.Cluster;
            var where = $"Data in {cluster.Root}{(cluster.MovedFrom is null ? "" : $" (the postgres user cannot reach {cluster.MovedFrom})")}.";
            appLog.LogInformation("{Name}: {Where}", name, where);
            log.LogInformation("{Where}", where);
            await @event.Services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(server, s => s with
            {
                Properties = [.. s.Properties.Where(p => p.Name != DataDirectoryProperty), new ResourcePropertySnapshot(DataDirectoryProperty, cluster.Root)],
            });
            await cluster.PrepareAsync((await password.GetValueAsync(cancellationToken))!, fresh && !server.Prepared, line => log.LogInformation("{Line}", line), cancellationToken);
            server.Prepared = true;
        });
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, async (@event, cancellationToken) =>
        {
            await using var connection = new NpgsqlConnection(await ConnectionStringAsync(server, "postgres", cancellationToken));
            await connection.OpenAsync(cancellationToken);
            var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var database in builder.Resources.OfType<LocalPostgresDatabaseResource>().Where(d => d.Parent == server))
            {
                await CreateDatabaseAsync(connection, database.DatabaseName, cancellationToken);
                await notifications.PublishUpdateAsync(database, s => s with
                {
                    State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow, StopTimeStamp = null,
                });
            }
        });
        // Aspire gives no state to children of executables: a database follows its server down.
        builder.Eventing.Subscribe<ResourceStoppedEvent>(server, async (@event, _) =>
        {
            var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var database in builder.Resources.OfType<LocalPostgresDatabaseResource>().Where(d => d.Parent == server))
                await notifications.PublishUpdateAsync(database, s => s with { State = KnownResourceStates.Finished, StopTimeStamp = DateTime.UtcNow });
        });

        return builder.AddResource(server)
            .WithEndpoint(port: port, name: LocalPostgresServerResource.PrimaryEndpointName, scheme: "tcp")
            .WithArgs(context =>
            {
                foreach (var argument in server.Cluster.ServerArguments(server.PrimaryEndpoint.Property(EndpointProperty.TargetPort)))
                    context.Args.Add(argument);
            })
            .WithIconName("DatabaseMultiple")
            .WithHealthCheck(AddHealthCheck(builder, server, "postgres"));
    }

    /// <summary>A database of the server, created (when missing) as soon as the server is ready.</summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresServerResource> server, [ResourceName] string name, string? databaseName = null)
    {
        var database = new LocalPostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.AddDatabase(name, database.DatabaseName);
        return server.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase", State = KnownResourceStates.NotStarted, Properties = [],
            })
            .WithIconName("Database")
            .WithHealthCheck(AddHealthCheck(server.ApplicationBuilder, server.Resource, database.DatabaseName));
    }

    /// <summary>
    /// AspNetCore.HealthChecks.NpgSql's check (as Aspire.Hosting.PostgreSQL has it) on fresh connections: a pooled one
    /// would hold up the server's shutdown.
    /// </summary>
    private static string AddHealthCheck(IDistributedApplicationBuilder builder, LocalPostgresServerResource server, string databaseName)
    {
        var key = $"{server.Name}_{databaseName}_check";
        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(server, async (_, cancellationToken) =>
            connectionString = await ConnectionStringAsync(server, databaseName, cancellationToken));
        builder.Services.AddHealthChecks().AddNpgSql(
            _ => connectionString ?? throw new InvalidOperationException("The connection string is not known yet."), name: key);
        return key;
    }

    private static async Task<string> ConnectionStringAsync(LocalPostgresServerResource server, string databaseName, CancellationToken cancellationToken) =>
        new NpgsqlConnectionStringBuilder(await server.ConnectionStringExpression.GetValueAsync(cancellationToken))
        {
            Database = databaseName, Pooling = false, Timeout = 3,
        }.ConnectionString;

    private static async Task CreateDatabaseAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new() { Value = name });
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE {new NpgsqlCommandBuilder().QuoteIdentifier(name)}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }
}
