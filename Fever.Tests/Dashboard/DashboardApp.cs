using System.Net.Http.Json;
using System.Text.Json;
using Fever.AppHost.Hosting;
using Fever.Tests.AppHost;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.Dashboard;

/// <summary>
/// The whole app, started once for the dashboard's tests through the testing harness, with its OTLP receiver (so the
/// services' telemetry flows in), every resource healthy before the first test.
/// </summary>
public sealed class DashboardApp : IAsyncLifetime
{
    /// <summary>How long telemetry may take to arrive: the services export every second.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>A client of the dashboard port: pages, resource service, telemetry API.</summary>
    public HttpClient Dashboard { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await RunningApp.StartAsync();
        try
        {
            using var timeout = new CancellationTokenSource(RunningApp.StartTimeout);
            foreach (var resource in App.Resources)
                await RunningApp.WaitHealthyAsync(App, resource.Name, timeout.Token);
        }
        catch
        {
            await App.DisposeAsync();
            throw;
        }
        Dashboard = new HttpClient { BaseAddress = App.DashboardUrl };
    }

    /// <summary>Asks the API for the samples' year, then waits until its <c>GET /search</c> trace has reached the dashboard; returns its id.</summary>
    public async Task<string> SearchTraceAsync()
    {
        using var api = App.CreateHttpClient("api");
        await RunningApp.SearchIdsAsync(api);
        string? traceId = null;
        await Eventually.WaitUntilAsync(async () =>
        {
            var traces = await Dashboard.GetFromJsonAsync<JsonElement>("/api/telemetry/traces?resource=api&text=GET%20/search");
            traceId = traces.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("traceId").GetString()).FirstOrDefault();
            return traceId is not null;
        }, Patience);
        return traceId!;
    }

    /// <summary>Waits until an instrument of a resource has a chart line of two points or more (a rate needs two exports).</summary>
    public Task WaitForChartAsync(string resource, string instrument) =>
        Eventually.WaitUntilAsync(async () =>
        {
            using var response = await Dashboard.GetAsync($"/api/telemetry/metrics/{resource}/{instrument}");
            if (!response.IsSuccessStatusCode)
                return false;
            var chart = await response.Content.ReadFromJsonAsync<JsonElement>();
            return chart.GetProperty("panels").EnumerateArray()
                .Any(panel => panel.GetProperty("lines").EnumerateArray().Any(line => line.GetProperty("points").GetArrayLength() >= 2));
        }, Patience);

    public async Task DisposeAsync()
    {
        // Also called when the start failed.
        Dashboard?.Dispose();
        if (Dashboard is not null)
            await App.DisposeAsync();
    }
}
