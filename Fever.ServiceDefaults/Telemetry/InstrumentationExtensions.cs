using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Fever.ServiceDefaults.Telemetry;

/// <summary>
/// The instrumentation packages' entry points, by the same names. .NET 10 libraries emit their own activities
/// and metrics with the semantic conventions' names, so instrumenting is listening to the right sources.
/// </summary>
public static class InstrumentationExtensions
{
    public static TracerProviderBuilder AddAspNetCoreInstrumentation(this TracerProviderBuilder builder) =>
        builder.AddSource("Microsoft.AspNetCore");

    public static MeterProviderBuilder AddAspNetCoreInstrumentation(this MeterProviderBuilder builder) =>
        builder.AddMeter(
            "Microsoft.AspNetCore.Hosting",
            "Microsoft.AspNetCore.Server.Kestrel",
            "Microsoft.AspNetCore.Routing",
            "Microsoft.AspNetCore.Diagnostics",
            "Microsoft.AspNetCore.RateLimiting");

    public static TracerProviderBuilder AddHttpClientInstrumentation(this TracerProviderBuilder builder) =>
        builder.AddSource("System.Net.Http");

    public static MeterProviderBuilder AddHttpClientInstrumentation(this MeterProviderBuilder builder) =>
        builder.AddMeter("System.Net.Http", "System.Net.NameResolution");

    public static MeterProviderBuilder AddRuntimeInstrumentation(this MeterProviderBuilder builder) =>
        builder.AddMeter("System.Runtime");

    /// <summary>Npgsql's own source and meter (what Npgsql.OpenTelemetry's <c>AddNpgsql</c> adds).</summary>
    public static TracerProviderBuilder AddNpgsql(this TracerProviderBuilder builder) =>
        builder.AddSource("Npgsql");

    public static MeterProviderBuilder AddNpgsqlInstrumentation(this MeterProviderBuilder builder) =>
        builder.AddMeter("Npgsql");
}
