using System.Net.Http.Json;
using System.Text.Json;
using Fever.AppHost.Dashboard.Telemetry;
using Fever.AppHost.Hosting;
using Fever.Testing;
using Fever.Tests.Dashboard;
using Fever.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fever.Tests.Browser;

/// <summary>
/// The dashboard as a person uses it: Debian's Chromium on the pages of the whole app started through the testing
/// harness, with the services' live telemetry. Screenshots of every page go to TestResults/Browser/dashboard-*.png.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(DashboardApp fixture, ITestOutputHelper output)
{
    private const string HostileMarker = "fever-xss-probe";
    private const string HostileMessage = $"""<img src=x onerror="window.hacked=true"><script>window.hacked=true</script> {HostileMarker}""";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);
    private static readonly string Screenshots = Path.Combine(RepositoryPaths.Root, "TestResults", "Browser");

    [Fact]
    public async Task Every_page_shows_the_live_app_and_its_telemetry()
    {
        var traceId = await fixture.SearchTraceAsync();
        await fixture.WaitForChartAsync("api", "http.server.request.duration");
        await WaitForTelemetryOfAsync("/api/telemetry/logs?resource=sync&limit=1");
        await WaitForTelemetryOfAsync("/api/telemetry/traces?resource=sync&limit=1");
        fixture.App.Telemetry.Logs.Add([new LogEntry(0, DateTimeOffset.UtcNow, "api", "Warning", 13, HostileMessage, "Fever.Tests", null, null, [])]);

        var outcome = await RunAsync("dashboard-pages.mjs", "--trace-id", traceId, "--hostile", HostileMessage, "--hostile-marker", HostileMarker);

        var resources = outcome.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(["postgres", "feverdb", "provider", "sync", "api"], resources.Keys);
        Assert.All(resources.Values, r => Assert.Equal(("Running", "Healthy"), (Text(r, "state"), Text(r, "health"))));
        Assert.Equal("Project", Text(resources["api"], "type"));
        Assert.Contains(resources["api"].GetProperty("links").EnumerateArray(), link => link.GetString()!.Contains("/search?starts_at=", StringComparison.Ordinal));
        Assert.Equal("""{"stop":true,"start":false,"restart":true}""", resources["sync"].GetProperty("buttons").GetRawText());
        Assert.Equal("{}", resources["postgres"].GetProperty("buttons").GetRawText());

        var console = outcome.GetProperty("console");
        Assert.Equal("api", Text(console, "picked"));
        Assert.Contains(console.GetProperty("lines").EnumerateArray(), line => line.GetString()!.Contains("Now listening on", StringComparison.Ordinal));

        var structured = outcome.GetProperty("structured");
        var all = Logs(structured, "all");
        Assert.Contains(all, log => log.Resource == "api");
        Assert.Contains(all, log => log.Resource == "sync");
        var warnings = Logs(structured, "warningOrAbove");
        Assert.True(warnings.Count < all.Count, $"The level filter kept {warnings.Count} of {all.Count} logs.");
        Assert.All(warnings, log => Assert.Contains(log.Level, new[] { "Warning", "Error", "Critical" }));
        var sync = Logs(structured, "text");
        Assert.True(sync.Count < all.Count, $"The text filter kept {sync.Count} of {all.Count} logs.");
        Assert.All(sync, log => Assert.Contains("Sync run", log.Message));
        Assert.Equal("?text=Sync+run", Text(structured, "address"));
        Assert.Contains("RunId", structured.GetProperty("attributes").EnumerateArray().Select(key => key.GetString()));
        var hostile = structured.GetProperty("hostile");
        Assert.Equal([HostileMessage], hostile.GetProperty("messages").EnumerateArray().Select(message => message.GetString()));
        Assert.False(hostile.GetProperty("injected").GetBoolean(), "A log's text became markup on the page.");

        var traces = outcome.GetProperty("traces");
        Assert.NotEmpty(traces.GetProperty("ofSync").EnumerateArray());
        Assert.All(traces.GetProperty("ofSync").EnumerateArray(), services => Assert.Contains("sync", services.GetString()));
        Assert.Contains(traces.GetProperty("all").EnumerateArray(), trace => Text(trace, "name") == "GET /search" && Text(trace, "services") == "api");

        var detail = outcome.GetProperty("detail");
        Assert.StartsWith("GET /search", Text(detail, "title"));
        var root = detail.GetProperty("spans")[0];
        Assert.Equal(("api", "GET /search", "Server"), (Text(root, "resource"), Text(root, "name"), Text(root, "kind")));
        Assert.Equal(("0%", "100%"), (Text(root, "barLeft"), Text(root, "barWidth")));
        Assert.Equal($"/structuredlogs?traceId={traceId}", Text(detail, "logsLink"));
        Assert.Equal("/search", Text(detail.GetProperty("details"), "http.route"));

        var metrics = outcome.GetProperty("metrics");
        Assert.Contains("http.server.request.duration", metrics.GetProperty("instruments").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("/metrics/resource/api?instrument=http.server.request.duration", Text(metrics, "address"));
        var panel = metrics.GetProperty("panels")[0];
        Assert.Equal("http.server.request.duration (ms)", Text(panel, "title"));
        Assert.Contains(panel.GetProperty("lines").EnumerateArray(), points => points.GetInt32() >= 2);
        Assert.Equal(["p50", "p95", "p99"], panel.GetProperty("legend").EnumerateArray().Select(label => label.GetString()));
        Assert.True(panel.GetProperty("axisLabels").GetInt32() >= 5);
        Assert.Contains(metrics.GetProperty("series").EnumerateArray(), series => series.GetString()!.Contains("http.route=/search", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restart_on_the_sync_row_takes_it_through_finished_and_starting_back_to_running_with_a_new_process_and_a_refusal_is_shown()
    {
        using var patience = new CancellationTokenSource(ScriptTimeout);
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("sync", patience.Token);
        var before = fixture.App.ResourceNotifications.GetInstances("sync").Single();
        var states = new List<string>();
        var watching = WatchStatesAsync("sync", states, s => s.RestartCount == before.RestartCount + 1 && s.IsHealthy, patience.Token);

        var outcome = await RunAsync("dashboard-restart.mjs", "--resource", "sync");

        await watching;
        Assert.Equal(
            [KnownResourceStates.Stopping, KnownResourceStates.Finished, KnownResourceStates.Starting, KnownResourceStates.Running],
            states.SkipWhile(s => s != KnownResourceStates.Stopping).Where(s => s != KnownResourceStates.Unhealthy).Distinct());
        var resources = await fixture.Dashboard.GetFromJsonAsync<JsonElement>("/api/resources");
        var after = resources.EnumerateArray().Single(r => Text(r, "name") == "sync");
        Assert.Equal(("Running", "Healthy"), (Text(after, "state"), Text(after, "health")));
        Assert.Equal(before.RestartCount + 1, after.GetProperty("restartCount").GetInt32());
        var pid = after.GetProperty("processId").GetInt32();
        Assert.NotEqual(before.ProcessId, pid);
        Assert.True(Posix.IsAlive(pid));
        Assert.False(Posix.IsAlive(before.ProcessId!.Value));

        var shown = outcome.GetProperty("after");
        Assert.Equal(("Running", "Healthy"), (Text(shown, "state"), Text(shown, "health")));
        Assert.Equal(before.RestartCount + 1, shown.GetProperty("restarts").GetInt32());
        Assert.NotEqual(Text(outcome.GetProperty("before"), "started"), Text(shown, "started"));
        Assert.Equal("sync: restart done.", Text(outcome, "status"));
        Assert.Equal("""{"stop":true,"start":false,"restart":true}""", outcome.GetProperty("buttons").GetRawText());
        Assert.Equal("sync: start refused: sync is already running.", Text(outcome, "refusal"));
    }

    /// <summary>Runs a dashboard script against the fixture's dashboard; fails with its output (and the failure screenshot) unless every step passed.</summary>
    private async Task<JsonElement> RunAsync(string script, params string[] arguments)
    {
        var run = await BrowserScript.RunAsync(script, ["--url", fixture.App.DashboardUrl.ToString(), "--screenshots", Screenshots, .. arguments], ScriptTimeout);
        output.WriteLine($"Screenshots: {Screenshots}");
        output.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, $"{script} failed ({run.Outcome}); screenshot {Screenshots}/dashboard-failed.png:\n{run.Output}");
        return run.Outcome;
    }

    /// <summary>Records every state an instance goes through until <paramref name="until"/> holds.</summary>
    private async Task WatchStatesAsync(string name, List<string> states, Func<ResourceSnapshot, bool> until, CancellationToken cancellationToken)
    {
        await foreach (var snapshot in fixture.App.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (snapshot.Name != name)
                continue;
            if (states.LastOrDefault() != snapshot.State)
                states.Add(snapshot.State);
            if (until(snapshot))
                return;
        }
    }

    private Task WaitForTelemetryOfAsync(string query) =>
        Eventually.WaitUntilAsync(async () =>
            (await fixture.Dashboard.GetFromJsonAsync<JsonElement>(query)).GetProperty("items").GetArrayLength() > 0, DashboardApp.Patience);

    private static List<(string Resource, string Level, string Message)> Logs(JsonElement structured, string view) =>
        structured.GetProperty(view).EnumerateArray().Select(log => (Text(log, "resource"), Text(log, "level"), Text(log, "message"))).ToList();

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
