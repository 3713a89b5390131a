using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Fever.Tests.Telemetry;

/// <summary>AddServiceDefaults builds an OpenTelemetry pipeline only for an OTLP endpoint, and then hears our own sources.</summary>
[Collection(TelemetryCollection.Name)] // a pipeline hears every Fever.* source of the process
public sealed class ServiceDefaultsPipelineTests
{
    [Fact]
    public async Task Without_an_endpoint_there_is_no_pipeline_and_no_activity_is_started()
    {
        using var host = Build(endpoint: null);
        await host.StartAsync();

        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
        using var source = new ActivitySource("Fever.Tests.Pipeline");
        Assert.Null(source.StartActivity("unheard"));
        await host.StopAsync();
    }

    [Fact]
    public async Task With_an_endpoint_our_own_sources_are_traced()
    {
        using var host = Build(endpoint: "http://127.0.0.1:4318");
        await host.StartAsync();

        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.NotNull(host.Services.GetService<MeterProvider>());
        using var source = new ActivitySource("Fever.Tests.Pipeline");
        using var activity = source.StartActivity("heard");
        Assert.True(activity is { Recorded: true });
        await host.StopAsync();
    }

    private static IHost Build(string? endpoint)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint });
        builder.AddServiceDefaults();
        return builder.Build();
    }
}
