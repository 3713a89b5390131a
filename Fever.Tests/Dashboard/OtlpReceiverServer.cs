using Fever.AppHost.Dashboard.Otlp;
using Fever.AppHost.Dashboard.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fever.Tests.Dashboard;

/// <summary>The dashboard's OTLP receiver alone, on a free loopback port, keeping what it receives in <see cref="Telemetry"/>.</summary>
public sealed class OtlpReceiverServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiverServer(WebApplication app, TelemetryRepository telemetry)
    {
        _app = app;
        Telemetry = telemetry;
    }

    public TelemetryRepository Telemetry { get; }

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public static async Task<OtlpReceiverServer> StartAsync(TelemetryLimits? limits = null)
    {
        var telemetry = new TelemetryRepository(limits ?? new TelemetryLimits());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(telemetry);
        var app = builder.Build();
        app.MapOtlpReceiver();
        await app.StartAsync();
        return new OtlpReceiverServer(app, telemetry);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
