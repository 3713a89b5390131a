using System.Net.Http.Json;
using System.Text.Json;
using Fever.AppHost.Hosting;
using Fever.Tests.AppHost;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.Dashboard;

/// <summary>
/// The whole app with its OTLP receiver: the services' telemetry reaches the dashboard's JSON as an operator
/// reads it: the API's request spans, a sync run's trace down to the provider call and the SQL, the snapshot's
/// refreshes with their SQL, the API's HTTP metrics and the structured logs, tied to their traces.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class TelemetryEndToEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_search_and_a_sync_run_reach_the_dashboard_as_traces_metrics_and_logs()
    {
        await using var app = await RunningApp.StartAsync();
        using var api = app.CreateHttpClient("api");
        using var dashboard = new HttpClient { BaseAddress = app.DashboardUrl };
        await Eventually.WaitUntilAsync(async () => (await RunningApp.SearchIdsAsync(api)).Length == 3, Patience);

        var search = await WaitForTraceAsync(dashboard, "resource=api&text=GET%20/search");
        var searchSpan = Assert.Single(search.GetProperty("spans").EnumerateArray()).GetProperty("span");
        Assert.Equal("Server", searchSpan.GetProperty("kind").GetString());
        Assert.Equal("/search", Attribute(searchSpan, "http.route"));
        Assert.Equal("200", Attribute(searchSpan, "http.response.status_code"));

        var syncRun = await WaitForTraceAsync(dashboard, "resource=sync&text=sync%20run");
        var spans = syncRun.GetProperty("spans").EnumerateArray().Select(s => s.GetProperty("span")).ToList();
        var root = spans[0];
        Assert.Equal("sync run", root.GetProperty("name").GetString());
        var names = spans.Select(s => s.GetProperty("name").GetString()!).ToList();
        Assert.Contains("fetch", names);
        var providerCall = spans.First(s => s.GetProperty("kind").GetString() == "Client" && s.GetProperty("scope").GetString() == "System.Net.Http");
        var provider = await app.GetResource<IResourceWithServiceDiscovery>("provider").GetEndpointAsync();
        Assert.StartsWith(provider.ToString().TrimEnd('/'), Attribute(providerCall, "url.full"));
        Assert.Contains(spans, s => s.GetProperty("scope").GetString() == "Npgsql");
        Assert.All(spans.Skip(1), s => Assert.Equal(root.GetProperty("traceId").GetString(), s.GetProperty("traceId").GetString()));

        var refresh = await WaitForTraceAsync(dashboard, "resource=api&text=snapshot%20refresh");
        Assert.Contains(refresh.GetProperty("spans").EnumerateArray(), s => s.GetProperty("span").GetProperty("scope").GetString() == "Npgsql");

        JsonElement duration = default;
        await Eventually.WaitUntilAsync(async () =>
        {
            using var response = await dashboard.GetAsync("/api/telemetry/metrics/api/http.server.request.duration");
            if (!response.IsSuccessStatusCode)
                return false;
            duration = await response.Content.ReadFromJsonAsync<JsonElement>();
            return duration.GetProperty("series").EnumerateArray().Any(s => s.GetProperty("attributes").GetString()!.Contains("http.route=/search", StringComparison.Ordinal));
        }, Patience);
        Assert.Equal("Histogram", duration.GetProperty("kind").GetString());
        Assert.Equal("s", duration.GetProperty("unit").GetString());

        var traces = await dashboard.GetFromJsonAsync<JsonElement>("/api/telemetry/traces?limit=10000");
        Assert.DoesNotContain(traces.GetProperty("items").EnumerateArray(), t => t.GetProperty("name").GetString()!.Contains("/health", StringComparison.Ordinal));

        var runLogs = await dashboard.GetFromJsonAsync<JsonElement>($"/api/telemetry/logs?resource=sync&traceId={root.GetProperty("traceId").GetString()}");
        Assert.NotEmpty(runLogs.GetProperty("items").EnumerateArray());
    }

    private static async Task<JsonElement> WaitForTraceAsync(HttpClient dashboard, string filter)
    {
        JsonElement? found = null;
        await Eventually.WaitUntilAsync(async () =>
        {
            var page = await dashboard.GetFromJsonAsync<JsonElement>($"/api/telemetry/traces?{filter}");
            if (page.GetProperty("items").EnumerateArray().FirstOrDefault() is not { ValueKind: JsonValueKind.Object } trace)
                return false;
            found = await dashboard.GetFromJsonAsync<JsonElement>($"/api/telemetry/traces/{trace.GetProperty("traceId").GetString()}");
            return true;
        }, Patience);
        return found!.Value;
    }

    private static string? Attribute(JsonElement span, string key) =>
        span.GetProperty("attributes").EnumerateArray().FirstOrDefault(a => a.GetProperty("key").GetString() == key) is { ValueKind: JsonValueKind.Object } attribute
            ? attribute.GetProperty("value").GetString()
            : null;
}
