using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Fever.Api;
using Fever.Api.Apis;
using Fever.Api.Http;
using Fever.Api.Snapshot;
using Fever.Data;
using Fever.ProviderSimulator;
using Fever.Testing;
using Fever.Tests.GraphQL;
using Fever.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fever.Tests.Telemetry;

/// <summary>
/// The API's meter, read as an exporter would, from the API's own services and /search run in this process on a
/// PostgreSQL of its own (the test stops it). Only instruments of this host's meter factory are heard.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class ApiMetricsTests
{
    private const int EventCount = 20;

    [Fact]
    public async Task The_snapshot_gauges_and_the_search_results_report_what_the_api_holds_and_answers()
    {
        await using var database = await ThrowawayDatabase.StartAsync("feverdb");
        await using (var dataSource = NpgsqlDataSource.Create(database.ConnectionString))
        {
            await SeededEvents.InsertAsync(dataSource, SeededEvents.Generate(EventCount, seed: 7));
        }
        await using var api = BuildApi(database.ConnectionString);
        using var measurements = new MeasurementRecorder(instrument =>
            instrument.Meter.Name == ApiMetrics.MeterName && instrument.Meter.Scope == api.Services.GetRequiredService<IMeterFactory>());
        var store = api.Services.GetRequiredService<EventSnapshotStore>();

        measurements.Observe();
        Assert.Empty(measurements.Of("fever.snapshot.events")); // nothing loaded yet: nothing to report
        Assert.Empty(measurements.Of("fever.snapshot.age"));

        await api.StartAsync();
        await Eventually.WaitUntilAsync(() => Task.FromResult(store.Current is not null && store.Status.Connected), TimeSpan.FromSeconds(30));
        measurements.Observe();
        var events = Assert.Single(measurements.Of("fever.snapshot.events"));
        Assert.Equal(("{event}", EventCount), (events.Instrument.Unit, (int)events.Value));
        var age = Assert.Single(measurements.Of("fever.snapshot.age"));
        Assert.Equal(("s", 0d), (age.Instrument.Unit, age.Value)); // listening for changes: current

        using var http = new HttpClient { BaseAddress = new Uri(api.Urls.First()) };
        var all = await SearchAsync(http, "/search");
        var none = await SearchAsync(http, "/search?starts_at=2021-01-01T00:00:00Z&ends_at=2021-01-02T00:00:00Z");
        var results = measurements.Of("fever.search.results");
        Assert.All(results, result => Assert.Equal("{event}", result.Instrument.Unit));
        Assert.Equal([EventCount, 0], [all, none]);
        Assert.Equal([all, none], results.Select(result => (int)result.Value));

        await database.DisposeAsync();
        await Eventually.WaitUntilAsync(() => Task.FromResult(!store.Status.Connected), TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1));
        measurements.Clear();
        measurements.Observe();
        Assert.Equal(EventCount, Assert.Single(measurements.Of("fever.snapshot.events")).Value); // still served
        Assert.InRange(Assert.Single(measurements.Of("fever.snapshot.age")).Value, 1, 30);
    }

    /// <summary>Answers /search and returns how many events the answer holds.</summary>
    private static async Task<int> SearchAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("data").GetProperty("events").GetArrayLength();
    }

    /// <summary>The API's snapshot and /search, composed as its Program.cs does, on a free loopback port.</summary>
    private static WebApplication BuildApi(string connectionString)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:feverdb"] = connectionString,
            ["Snapshot:ReconnectDelay"] = "00:00:00.100",
            ["Snapshot:MaxReconnectDelay"] = "00:00:00.500",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.AddServiceDefaults();
        builder.AddEventSnapshot();
        builder.AddClientRateLimiting();
        var app = builder.Build();
        app.UseRateLimiter();
        app.MapSearchApi();
        return app;
    }
}
