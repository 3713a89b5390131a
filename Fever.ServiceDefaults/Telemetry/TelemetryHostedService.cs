using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Fever.ServiceDefaults.Telemetry;

/// <summary>
/// Builds the tracer and meter providers at start (they are lazy singletons) and flushes every provider when
/// the host stops, before the container disposes them, so the last spans, logs and metrics of a stopping
/// service still reach the collector.
/// </summary>
internal sealed class TelemetryHostedService(IServiceProvider services) : IHostedService
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(5);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetService<TracerProvider>();
        services.GetService<MeterProvider>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        var timeout = (int)FlushTimeout.TotalMilliseconds;
        services.GetService<TracerProvider>()?.ForceFlush(timeout);
        services.GetService<MeterProvider>()?.ForceFlush(timeout);
        services.GetService<LoggerProvider>()?.ForceFlush(timeout);
        return Task.CompletedTask;
    }
}
