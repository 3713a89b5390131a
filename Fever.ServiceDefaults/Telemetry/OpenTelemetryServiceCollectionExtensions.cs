using Fever.ServiceDefaults.Telemetry;
using OpenTelemetry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// <c>services.AddOpenTelemetry()</c> as OpenTelemetry.Extensions.Hosting has it (that package is not in our
/// registry): a builder for <c>WithTracing</c>/<c>WithMetrics</c>/<c>UseOtlpExporter</c>, and a hosted service
/// that builds the providers when the host starts, so listening begins before the first request.
/// </summary>
public static class OpenTelemetryServiceCollectionExtensions
{
    public static IOpenTelemetryBuilder AddOpenTelemetry(this IServiceCollection services)
    {
        if (!services.Any(d => d.ImplementationType == typeof(TelemetryHostedService)))
            services.AddHostedService<TelemetryHostedService>();
        return new OpenTelemetryBuilder(services);
    }

    private sealed class OpenTelemetryBuilder(IServiceCollection services) : IOpenTelemetryBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
