using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Fever.ServiceDefaults.Telemetry;

/// <summary>
/// Builds the tracer and meter providers when the host starts: they are lazy singletons, and nothing would
/// listen before something asked for them. The container disposes them when the host stops, and disposing
/// flushes what they still hold, so the last spans, logs and metrics of a stopping service are exported.
/// </summary>
internal sealed class TelemetryHostedService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetService<TracerProvider>();
        services.GetService<MeterProvider>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
