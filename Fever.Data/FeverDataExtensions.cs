using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Fever.Data;

public static class FeverDataExtensions
{
    /// <summary>
    /// The shared <see cref="NpgsqlDataSource"/> for <c>ConnectionStrings:{connectionName}</c> through Aspire.Npgsql,
    /// with its tracing and metrics; the migrator and the schema check. <paramref name="readiness"/> adds the
    /// integration's health check to <c>/health</c>: the worker's readiness is PostgreSQL's, while the API stays ready
    /// without it (it serves its snapshot).
    /// </summary>
    public static IHostApplicationBuilder AddFeverData(this IHostApplicationBuilder builder, bool readiness = false, string connectionName = "feverdb")
    {
        if (builder.Configuration.GetConnectionString(connectionName) is null)
            throw new InvalidOperationException(
                $"Connection string '{connectionName}' is missing: set ConnectionStrings__{connectionName} (e.g. Host=127.0.0.1;Port=5432;Database=feverdb;Username=postgres;Password=…).");

        // The same rule as ServiceDefaults: without an OTLP endpoint no telemetry pipeline is built, by anyone.
        var exported = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        builder.AddNpgsqlDataSource(connectionName,
            settings =>
            {
                settings.DisableHealthChecks = !readiness;
                settings.DisableTracing = settings.DisableMetrics = !exported;
            },
            dataSource => dataSource.ConfigureTracing(tracing => tracing
                .ConfigureCommandSpanNameProvider(SqlSpanName.Of)
                .ConfigureBatchSpanNameProvider(SqlSpanName.Of)));

        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddSingleton<SchemaCheck>();
        return builder;
    }

    /// <summary>
    /// The <see cref="FeverDbContext"/> factory on the data source of <see cref="AddFeverData"/>, enriched by
    /// Aspire.Npgsql.EntityFrameworkCore.PostgreSQL. Its retrying strategy is kept short: the reads answer a person, so
    /// two quick retries ride out a blip and a database that is down still fails them within seconds. The integration's
    /// own health check and telemetry stay off: the data source's already cover every command.
    /// </summary>
    public static IHostApplicationBuilder AddFeverDbContext(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPooledDbContextFactory<FeverDbContext>((services, options) =>
            options.UseNpgsql(services.GetRequiredService<NpgsqlDataSource>(),
                npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 2, maxRetryDelay: TimeSpan.FromSeconds(1), errorCodesToAdd: null)));
        builder.EnrichNpgsqlDbContext<FeverDbContext>(settings =>
            settings.DisableHealthChecks = settings.DisableTracing = settings.DisableMetrics = true);
        return builder;
    }
}
