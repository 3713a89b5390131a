using Fever.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every Fever service shares, in the shape of the Aspire template's ServiceDefaults: OpenTelemetry
/// (traces, metrics and logs, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set), health checks
/// (<c>/health</c> ready, <c>/alive</c> live) and the configuration conventions.
/// </summary>
public static class Extensions
{
    private const string HealthEndpointPath = "/health";
    private const string AlivenessEndpointPath = "/alive";
    private const string LiveTag = "live";

    /// <summary>Every source and meter of our own code is named <c>Fever.…</c>.</summary>
    private const string OwnSignals = "Fever.*";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        return builder;
    }

    /// <summary>
    /// Traces, metrics and logs through OpenTelemetry, exported over OTLP to <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.
    /// Without an endpoint nothing is set up: no activity is started and no measurement aggregated for nobody,
    /// which keeps a request as cheap as it was before telemetry.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            return builder;

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(OwnSignals))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(OwnSignals)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .UseOtlpExporter();
        builder.Services.AddSingleton<IStartupFilter>(new ServerRequestTracing(HealthEndpointPath, AlivenessEndpointPath));
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// <c>/health</c>: every check must pass (readiness); <c>/alive</c>: only the process itself (liveness).
    /// Both answer JSON with each check's status and description. Unlike the Aspire template they are mapped
    /// in every environment: the AppHost and operators probe them in production too, and they reveal no secrets.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpointPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        return app;
    }
}
