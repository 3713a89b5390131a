using System.Net;
using Fever.AppHost.Dashboard.Telemetry;
using Fever.AppHost.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fever.AppHost.Dashboard.Otlp;

/// <summary>
/// The dashboard's OTLP receiver on its own, on a free loopback port, keeping what it gets in its own
/// <see cref="TelemetryRepository"/>: for what wants a service's telemetry without the whole AppHost (the
/// receiver's tests, the telemetry benchmark).
/// </summary>
public sealed class OtlpReceiverHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiverHost(WebApplication app, TelemetryRepository telemetry)
    {
        _app = app;
        Telemetry = telemetry;
    }

    public TelemetryRepository Telemetry { get; }

    /// <summary>The base address for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, e.g. <c>http://127.0.0.1:41236</c> (exporters add <c>/v1/traces</c>…).</summary>
    public Uri Endpoint => new(_app.Urls.First());

    /// <param name="observe">Runs around every request (the benchmark counts the exports with it).</param>
    public static async Task<OtlpReceiverHost> StartAsync(
        TelemetryLimits? limits = null, Func<HttpContext, RequestDelegate, Task>? observe = null, CancellationToken cancellationToken = default)
    {
        var telemetry = new TelemetryRepository(limits ?? new TelemetryLimits());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddSingleton(telemetry);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        if (observe is not null)
            app.Use(observe);
        app.MapOtlpReceiver();
        try
        {
            await app.StartAsync(cancellationToken);
            return new OtlpReceiverHost(app, telemetry);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
