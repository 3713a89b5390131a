using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

/// <summary>The AppHost's settings, read from its configuration (on the command line: <c>--Name=value</c>).</summary>
public static class AppHostConfiguration
{
    /// <summary><c>Parameters:postgres-runtime=container</c>: Aspire.Hosting.PostgreSQL's container instead of the local binaries.</summary>
    public static bool UsesPostgresContainer(this IDistributedApplicationBuilder builder) =>
        builder.Configuration["Parameters:postgres-runtime"] == "container";

    /// <summary><c>Parameters:postgres-port</c>, default 15432.</summary>
    public static int PostgresPort(this IDistributedApplicationBuilder builder) => builder.Configuration.GetValue("Parameters:postgres-port", 15432);

    /// <summary><c>Postgres:DataDirectory</c>, default <c>.fever/postgres</c> at the root of the checkout.</summary>
    public static string PostgresDataDirectory(this IDistributedApplicationBuilder builder) =>
        builder.Configuration["Postgres:DataDirectory"] is { Length: > 0 } folder
            ? folder
            : Path.Combine(builder.AppHostDirectory, "..", ".fever", "postgres");

    /// <summary><c>--fresh=true</c>: delete the kept cluster and start from an empty database.</summary>
    public static bool FreshStart(this IDistributedApplicationBuilder builder) => builder.Configuration.GetValue("fresh", false);

    /// <summary><c>Parameters:provider-url</c>: the partner's real feed (its base address); null runs the simulator.</summary>
    public static string? ProviderUrl(this IDistributedApplicationBuilder builder) =>
        builder.Configuration["Parameters:provider-url"] is { Length: > 0 } url ? url : null;

    /// <summary><c>Parameters:api-port</c>, default 5080: where the API (each replica behind it) is reached.</summary>
    public static int ApiPort(this IDistributedApplicationBuilder builder) => builder.Configuration.GetValue("Parameters:api-port", 5080);

    /// <summary><c>Parameters:api-replicas</c>, default 1.</summary>
    public static int ApiReplicas(this IDistributedApplicationBuilder builder) => builder.Configuration.GetValue("Parameters:api-replicas", 1);

    /// <summary>The database as the services reference it, whichever PostgreSQL resource serves it.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AsConnectionString<T>(this IResourceBuilder<T> database)
        where T : IResourceWithConnectionString =>
        database.ApplicationBuilder.CreateResourceBuilder<IResourceWithConnectionString>(database.Resource);

    /// <summary>A link in the dashboard to <paramref name="path"/> on the resource's http endpoint.</summary>
    public static IResourceBuilder<T> WithRelativeUrl<T>(this IResourceBuilder<T> builder, string path, string displayText)
        where T : IResourceWithEndpoints =>
        builder.WithUrlForEndpoint("http", (EndpointReference _) => new ResourceUrlAnnotation { Url = path, DisplayText = displayText });
}
