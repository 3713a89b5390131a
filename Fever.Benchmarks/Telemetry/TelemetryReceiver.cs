using Fever.AppHost.Dashboard.Otlp;
using Fever.AppHost.Dashboard.Telemetry;

namespace Fever.Benchmarks.Telemetry;

/// <summary>
/// The AppHost's OTLP/HTTP receiver as its dashboard runs it (<see cref="OtlpReceiverHost"/>: the real receiver and
/// stores, with the dashboard's default limits) in this process on a free loopback port, counting the export
/// requests it answers (<see cref="ExportRequestCounter"/>).
/// </summary>
public sealed class TelemetryReceiver : IAsyncDisposable
{
    private readonly OtlpReceiverHost _host;

    private TelemetryReceiver(OtlpReceiverHost host, ExportRequestCounter exports)
    {
        _host = host;
        Exports = exports;
    }

    public TelemetryRepository Repository => _host.Telemetry;

    public ExportRequestCounter Exports { get; }

    /// <summary>The base address for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri Endpoint => _host.Endpoint;

    public static async Task<TelemetryReceiver> StartAsync(CancellationToken cancellationToken)
    {
        var exports = new ExportRequestCounter();
        var host = await OtlpReceiverHost.StartAsync(observe: async (context, next) =>
        {
            await next(context);
            exports.Count(context.Request.Path, context.Request.ContentLength, context.Response.StatusCode);
        }, cancellationToken: cancellationToken);
        return new TelemetryReceiver(host, exports);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
