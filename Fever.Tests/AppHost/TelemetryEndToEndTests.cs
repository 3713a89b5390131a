using Aspire.Hosting.Testing;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.AppHost;

/// <summary>
/// The whole app with the real Aspire dashboard: the services' telemetry arrives there as an operator reads it — the
/// API's request spans, a sync run's trace down to the provider call and the SQL, the snapshot's refreshes with their
/// SQL, and the structured logs tied to their traces; health probes are not traced.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class TelemetryEndToEndTests(FeverAppFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_search_and_a_sync_run_reach_the_dashboard_as_traces_and_logs()
    {
        var fever = fixture.Fever;
        using var dashboard = new DashboardTelemetry(fever.DashboardUrl!, fever.DashboardApiKey);
        using var api = fever.CreateHttpClient("api");
        await Eventually.WaitUntilAsync(async () => (await FeverApp.SearchIdsAsync(api)).Length == 3, Patience);

        IReadOnlyList<TelemetrySpan> apiSpans = [];
        await Eventually.WaitUntilAsync(async () => (apiSpans = await dashboard.SpansAsync("api")).Any(s => s.Name == "GET /search"), Patience);
        var search = apiSpans.First(s => s.Name == "GET /search");
        Assert.Equal("/search", search.Attributes["http.route"]);
        Assert.Equal("200", search.Attributes["http.response.status_code"]);
        Assert.DoesNotContain(apiSpans, s => s.Name.Contains("/health", StringComparison.Ordinal) || s.Name.Contains("/alive", StringComparison.Ordinal));
        var refresh = apiSpans.First(s => s.Name == "snapshot refresh");
        Assert.Contains(apiSpans, s => s.TraceId == refresh.TraceId && s.Scope == "Npgsql");

        IReadOnlyList<TelemetrySpan> syncSpans = [];
        await Eventually.WaitUntilAsync(async () => (syncSpans = await dashboard.SpansAsync("sync")).Any(s => s.Name == "sync run"), Patience);
        var run = syncSpans.First(s => s.Name == "sync run");
        var trace = await dashboard.SpansAsync(traceId: run.TraceId);
        Assert.Contains(trace, s => s.Name == "fetch");
        var providerCall = trace.First(s => s.Scope == "System.Net.Http");
        Assert.StartsWith(fever.App.GetEndpoint("provider", "http").ToString().TrimEnd('/'), providerCall.Attributes["url.full"]);
        Assert.Contains(trace, s => s.Scope == "Npgsql");

        IReadOnlyList<TelemetryLog> runLogs = [];
        await Eventually.WaitUntilAsync(async () => (runLogs = await dashboard.LogsAsync("sync", run.TraceId)).Count > 0, Patience);
        Assert.Contains(runLogs, l => l.Message?.Contains("Sync run", StringComparison.Ordinal) == true);
    }
}
