using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using Fever.Testing;
using Fever.Tests.AppHost;
using Fever.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fever.Tests.Browser;

/// <summary>
/// The real Aspire dashboard of the whole app, in Debian's Chromium, as an operator reads it after logging in through
/// the login link: the resources' states and health, the API's console, a search's trace and a sync run's trace down to
/// the provider call and the SQL, the API's request duration chart, the worker's structured logs, and the worker's
/// "Sync now" command answered by a new run. Screenshots of every page land in TestResults/Browser/aspire-*.png.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed partial class AspireDashboardBrowserTests(FeverAppFixture fixture, ITestOutputHelper output)
{
    private static readonly string Screenshots = Path.Combine(RepositoryPaths.Root, "TestResults", "Browser");

    [Fact]
    public async Task An_operator_sees_the_apps_resources_logs_traces_and_metrics_and_syncs_from_the_dashboard()
    {
        var fever = fixture.Fever;
        // The collection's other tests may have just killed and restarted the worker.
        await fever.WaitHealthyAsync("api");
        await fever.WaitHealthyAsync("sync");
        using (var api = fever.CreateHttpClient("api"))
        using (var search = await api.GetAsync("/search"))
            Assert.True(search.IsSuccessStatusCode, $"GET /search answered {(int)search.StatusCode}: {await search.Content.ReadAsStringAsync()}");

        // The script waits (at most a minute a step) for the search's trace and the sync run's spans to show up.
        var run = await BrowserScript.RunAsync("aspire-dashboard.mjs",
            ["--login", fever.DashboardLoginUrl!.ToString(), "--screenshots", Screenshots, "--sync-now", "--step-timeout-seconds", "60", "--deadline-seconds", "170"],
            TimeSpan.FromSeconds(200));
        output.WriteLine($"Screenshots: {Screenshots}/aspire-*.png");
        output.WriteLine(run.Output);
        var outcome = run.Outcome;
        var context = $"\nOutcome: {outcome}\nScreenshots: {Screenshots}/aspire-*.png\nScript output:\n{run.Output}";
        Assert.True(run.ExitCode == 0, $"The dashboard walk failed: {(outcome.ValueKind == JsonValueKind.Object ? outcome.GetProperty("errors") : "no outcome")}{context}");

        var resources = outcome.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        foreach (var name in new[] { "postgres", "feverdb", "provider", "migrations", "api", "sync" })
            Assert.True(resources[name].GetProperty("present").GetBoolean(), $"{name} is not on the resources page.{context}");
        foreach (var name in new[] { "api", "sync" })
        {
            Assert.True(Text(resources[name], "state") == "Running", $"{name} shows {Text(resources[name], "state")}, not Running.{context}");
            Assert.True(Text(resources[name], "health") == "Healthy", $"{name}'s details show the health state {Text(resources[name], "health")}, not Healthy.{context}");
        }
        Assert.True(Text(resources["migrations"], "state") == "Finished", $"migrations shows {Text(resources["migrations"], "state")}, not Finished.{context}");

        var console = outcome.GetProperty("consoleLogs").GetProperty("lines").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.True(console.Any(l => l.StartsWith("Now listening on: http://", StringComparison.Ordinal)), $"The API's console shows no \"Now listening on\".{context}");

        var traces = outcome.GetProperty("traces");
        Assert.True(Text(traces, "search")?.StartsWith("Name: api: GET /search", StringComparison.Ordinal) == true, $"No GET /search trace of the api.{context}");
        var syncRun = traces.GetProperty("syncRun");
        var spans = syncRun.GetProperty("spans").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.True(spans.Contains("sync: sync run") && spans.Contains("provider: GET /api/events"),
            $"The sync run's trace lacks its root or the provider's side of the call: {string.Join(", ", spans)}{context}");
        var providerCall = syncRun.GetProperty("httpClient");
        Assert.Equal(("Client", "System.Net.Http", "GET"), (Text(providerCall, "Kind"), Text(providerCall, "Source"), Text(providerCall, "http.request.method")));
        Assert.StartsWith(fever.App.GetEndpoint("provider", "http").ToString().TrimEnd('/'), Text(providerCall, "url.full"));
        var databaseCall = syncRun.GetProperty("database");
        Assert.Equal(("Npgsql", "postgresql", "feverdb"), (Text(databaseCall, "Source"), Text(databaseCall, "db.system.name"), Text(databaseCall, "db.namespace")));
        Assert.True(spans.Count(s => s.EndsWith("(→ feverdb)", StringComparison.Ordinal)) >= 3, $"The sync run shows few database calls: {string.Join(", ", spans)}{context}");

        var metrics = outcome.GetProperty("metrics");
        Assert.True(metrics.GetProperty("selected").GetBoolean(), $"http.server.request.duration is not selected.{context}");
        Assert.Contains("instrument=http.server.request.duration", Text(metrics, "url"));
        Assert.True(metrics.GetProperty("charts").GetInt32() >= 1 && metrics.GetProperty("legend").GetArrayLength() > 0, $"No chart of http.server.request.duration.{context}");
        Assert.True(metrics.GetProperty("searchRoute").GetBoolean(), $"The chart's filters do not offer the /search route.{context}");

        var logs = outcome.GetProperty("structuredLogs").GetProperty("messages").EnumerateArray().ToList();
        Assert.All(logs, log => Assert.Equal("sync", Text(log, "resource")));
        var finished = logs.Where(log => FinishedRun().IsMatch(Text(log, "message")!)).ToList();
        Assert.True(finished.Count > 0, $"No \"Sync run … Succeeded\" among the worker's structured logs.{context}");
        Assert.All(finished, log => Assert.StartsWith("/traces/detail/", Text(log, "trace")));

        var syncNow = outcome.GetProperty("syncNow");
        Assert.Equal("sync \"Sync now\" succeeded", Text(syncNow, "result"));
        Assert.True(syncNow.GetProperty("after").GetInt32() > syncNow.GetProperty("before").GetInt32(), $"Sync now brought no new sync run trace.{context}");

        foreach (var page in new[] { "resources", "console-api", "traces-search", "trace-sync-run-provider-call", "trace-sync-run-database-call", "metrics-api", "structured-logs-sync", "sync-now" })
            Assert.True(File.Exists(Path.Combine(Screenshots, $"aspire-{page}.png")), $"No screenshot aspire-{page}.png.{context}");
    }

    private static string? Text(JsonElement owner, string property) =>
        owner.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"^Sync run \d+ Succeeded")]
    private static partial Regex FinishedRun();
}
