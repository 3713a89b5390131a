using System.Net;
using Fever.AppHost.Dashboard.Otlp;
using Fever.AppHost.Dashboard.Telemetry;
using Fever.AppHost.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fever.Benchmarks.Telemetry;

/// <summary>
/// The AppHost's OTLP/HTTP receiver as its dashboard runs it: Fever.AppHost's <c>MapOtlpReceiver()</c> keeping what it
/// gets in a <see cref="TelemetryRepository"/> with the dashboard's default limits, on a minimal Kestrel app in this
/// process on a free loopback port. It also counts the export requests it answers (<see cref="ExportRequestCounter"/>).
/// </summary>
public sealed class TelemetryReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TelemetryReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddSingleton(Repository);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            await next(context);
            Exports.Count(context.Request.Path, context.Request.ContentLength, context.Response.StatusCode);
        });
        _app.MapOtlpReceiver();
    }

    public TelemetryRepository Repository { get; } = new(new TelemetryLimits());

    public ExportRequestCounter Exports { get; } = new();

    /// <summary>The base address for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, e.g. <c>http://127.0.0.1:41236</c> (the exporter adds <c>/v1/traces</c>…).</summary>
    public Uri Endpoint => new(_app.Urls.First());

    public static async Task<TelemetryReceiver> StartAsync(CancellationToken cancellationToken)
    {
        var receiver = new TelemetryReceiver();
        try
        {
            await receiver._app.StartAsync(cancellationToken);
            return receiver;
        }
        catch
        {
            await receiver._app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
