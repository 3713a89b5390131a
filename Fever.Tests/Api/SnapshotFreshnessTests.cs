using System.Net;
using System.Text.Json;
using Fever.Data;
using Fever.ProviderSimulator;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.Api;

/// <summary>The API follows the database as the worker changes it, without restarts.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SnapshotFreshnessTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_committed_sync_run_is_served_without_a_restart_and_changes_the_etag()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var provider = await EmbeddedProviderSimulator.StartAsync(new ProviderSimulatorOptions { Loop = false });
        await using var worker = new SyncWorkerHost(connectionString, provider.FeedUrl);
        await worker.RunAsync(); // samples 1 and 2: three events
        await worker.RunAsync();
        await using var api = await ApiProcess.StartHealthyAsync(connectionString);
        using var http = new HttpClient { BaseAddress = api.Url };
        using var before = await http.GetAsync("/search");
        Assert.Equal(3, await CountAsync(before));

        var run = await worker.RunAsync(); // sample 3 adds an event
        Assert.Equal(SyncOutcome.Succeeded, run!.Outcome);
        Assert.Equal(1, run.PlansInserted);
        // The change arrives by NOTIFY, in milliseconds; the wait is long only so that a loaded machine cannot fail it.
        await Eventually.WaitUntilAsync(async () =>
        {
            using var response = await http.GetAsync("/search");
            return !Equals(response.Headers.ETag, before.Headers.ETag);
        }, TimeSpan.FromSeconds(30), api);

        using var after = await http.GetAsync("/search");
        Assert.Equal(4, await CountAsync(after));
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/search");
        stale.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task A_re_sync_of_unchanged_data_keeps_the_etag()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var provider = await EmbeddedProviderSimulator.StartAsync(new ProviderSimulatorOptions { Generated = new GeneratedFeedOptions { BasePlans = 3, PlansPerBase = 1, ZonesPerPlan = 2 } });
        await using var worker = new SyncWorkerHost(connectionString, provider.FeedUrl);
        await worker.RunAsync();
        await using var api = await ApiProcess.StartHealthyAsync(connectionString);
        using var http = new HttpClient { BaseAddress = api.Url };
        var etag = (await http.GetAsync("/search")).Headers.ETag;

        var run = await worker.RunAsync();
        await Task.Delay(300);

        Assert.Equal(3, run!.PlansUnchanged);
        Assert.Equal(etag, (await http.GetAsync("/search")).Headers.ETag);
    }

    [Fact]
    public async Task Readers_see_the_state_before_a_run_or_after_it_never_a_mix()
    {
        await using var served = await EditionsServed.StartAsync(postgres);
        var http = served.Http;
        var before = await http.GetStringAsync("/search");

        var seen = new HashSet<string>();
        using var stopReading = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stopReading.IsCancellationRequested)
            {
                var body = await http.GetStringAsync("/search");
                lock (seen)
                    seen.Add(body);
            }
        })).ToList();
        var run = await served.Worker.RunAsync(); // rewrites every event's title and prices in one transaction
        await Eventually.WaitUntilAsync(() =>
        {
            lock (seen)
                return Task.FromResult(seen.Any(body => body.Contains("(second)")));
        }, TimeSpan.FromSeconds(30));
        stopReading.Cancel();
        await Task.WhenAll(readers);
        var after = await http.GetStringAsync("/search");

        Assert.Equal(EditionFeed.Events, run!.PlansUpdated);
        Assert.Contains("(second)", after);
        Assert.DoesNotContain("(first)", after);
        Assert.Subset(new HashSet<string> { before, after }, seen);
    }

    private static async Task<int> CountAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("data").GetProperty("events").GetArrayLength();
    }
}
