using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Fever.Data;

public static class FeverDataExtensions
{
    /// <summary>
    /// Registers the shared <see cref="NpgsqlDataSource"/> for <c>ConnectionStrings:{connectionName}</c>,
    /// the <see cref="FeverDbContext"/> factory, the migrator and the schema check. Services whose readiness is PostgreSQL's
    /// add <see cref="AddPostgresCheck"/>; the API stays ready without it (it serves its snapshot).
    /// </summary>
    public static IHostApplicationBuilder AddFeverData(this IHostApplicationBuilder builder, string connectionName = "feverdb")
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException(
                $"Connection string '{connectionName}' is missing: set ConnectionStrings__{connectionName} (e.g. Host=127.0.0.1;Port=5432;Database=feverdb;Username=postgres;Password=…).");

        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString) { Name = connectionName }
            .ConfigureTracing(tracing => tracing
                .ConfigureCommandSpanNameProvider(SqlSpanName.Of)
                .ConfigureBatchSpanNameProvider(SqlSpanName.Of))
            .Build());
        builder.Services.AddPooledDbContextFactory<FeverDbContext>((services, options) =>
            options.UseNpgsql(services.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddSingleton<SchemaCheck>();
        return builder;
    }

    /// <summary>A readiness check named "postgres": PostgreSQL answers a trivial query.</summary>
    public static IHealthChecksBuilder AddPostgresCheck(this IHealthChecksBuilder healthChecks) =>
        healthChecks.AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"]);
}
