namespace Fever.AppHost.Hosting;

public static class PostgresBuilderExtensions
{
    /// <summary>A PostgreSQL server from the machine's binaries, on <paramref name="port"/> (null: a free port).</summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this DistributedApplicationBuilder builder, string name, int? port = null)
    {
        var postgres = builder.AddResource(new PostgresServerResource(name) { Port = port });
        postgres.Resource.HealthProbe = new PostgresHealthProbe(postgres.Resource);
        return postgres;
    }

    /// <summary>Keep the cluster in <c>{state folder}/{name}</c> (default <c>.fever/postgres</c>), so data survives restarts.</summary>
    public static IResourceBuilder<PostgresServerResource> WithDataDirectory(this IResourceBuilder<PostgresServerResource> builder, string? folder = null)
    {
        builder.Resource.DataDirectory = folder ?? builder.Resource.Name;
        return builder;
    }

    /// <summary>A database of the server, created when the server first runs; waits for the server.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> server, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        database.WaitsFor.Add(server.Resource);
        database.HealthProbe = new PostgresHealthProbe(database);
        return server.ApplicationBuilder.AddResource(database);
    }
}
