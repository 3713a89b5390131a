using Microsoft.AspNetCore.Http;
using Fever.Data;
using Fever.ProviderSimulator;
using Fever.Sync.Storage;
using Fever.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fever.Tests.Sync;

/// <summary>The whole pipeline, provider simulator → worker's services → real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SyncPipelineTests(PostgresFixture postgres) : IAsyncLifetime
{
    private EmbeddedProviderSimulator _provider = null!;
    private string _connectionString = null!;

    public async Task InitializeAsync()
    {
        _provider = await EmbeddedProviderSimulator.StartAsync(new ProviderSimulatorOptions { Loop = false });
        _connectionString = await postgres.CreateDatabaseAsync();
    }

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task Samples_one_two_three_leave_exactly_the_four_expected_events()
    {
        await using var worker = Worker();
        var runs = new List<SyncRun>();
        for (var i = 0; i < 3; i++)
            runs.Add((await worker.RunAsync())!);

        Assert.All(runs, run => Assert.Equal(SyncOutcome.Succeeded, run.Outcome));
        var events = await LoadEventsAsync(worker);
        Assert.Equal(
        [
            (291L, 291L, "Camela en concierto", 15.00m, 30.00m),
            (322L, 1642L, "Pantomima Full", 55.00m, 55.00m),
            (1591L, 1642L, "Los Morancos", 65.00m, 75.00m),
            (1601L, 1650L, "Los Morancos en Barcelona", 35.00m, 45.50m),
        ], events.Select(e => (e.BasePlanId, e.PlanId, e.Title, e.MinPrice!.Value, e.MaxPrice!.Value)));
        Assert.All(events, e => Assert.Equal(EventIdentity.For(e.BasePlanId, e.PlanId), e.Id));
        Assert.Equal(Guid.Parse("93207718-9d10-5b43-9fa5-325546d3df38"), events[0].Id);

        // 322/1642 left the feed after the first answer: kept, last seen then. The others were seen by run 3.
        var pantomima = events.Single(e => e.BasePlanId == 322);
        Assert.Equal((runs[0].StartedAt, runs[0].StartedAt), (pantomima.FirstSeenAt, pantomima.LastSeenAt));
        Assert.All(events.Where(e => e.BasePlanId != 322), e => Assert.Equal(runs[2].StartedAt, e.LastSeenAt));

        var camela = events.Single(e => e.BasePlanId == 291);
        Assert.True(camela.SoldOut);
        Assert.Equal(new DateTime(2021, 6, 30, 21, 0, 0), camela.StartsAt);
        Assert.Equal(new DateTime(2021, 6, 30, 22, 0, 0), camela.EndsAt);
        Assert.Equal([65.00m, 75.00m], events.Single(e => e.BasePlanId == 1591).Zones.Where(z => z.ZoneId == 186).Select(z => z.Price).Order());

        Assert.Equal((3, 0, 0, 0), Counts(runs[0]));
        Assert.Equal((0, 2, 0, 1), Counts(runs[1])); // capacities changed; 444 is offline
        Assert.Equal((1, 2, 0, 2), Counts(runs[2])); // 1650 is new; 444 offline, 1651 has an impossible date
        Assert.Equal(new Dictionary<string, int> { ["offline"] = 1, ["invalid_date"] = 1 }, runs[2].SkipReasons);
    }

    [Fact]
    public async Task A_resync_of_unchanged_data_rewrites_no_event_and_sends_no_change_notification()
    {
        await using var worker = Worker();
        await worker.RunAsync();
        var before = await LoadEventsAsync(worker);

        await using var listener = await ListenAsync();
        _provider.Reset(0);
        var again = (await worker.RunAsync())!;

        Assert.Equal((0, 0, 3, 0), Counts(again));
        var after = await LoadEventsAsync(worker);
        Assert.Equal(before.Select(Content), after.Select(Content));
        Assert.Equal(before.Select(e => (e.Version, e.UpdatedAt, e.FirstSeenAt)), after.Select(e => (e.Version, e.UpdatedAt, e.FirstSeenAt)));
        Assert.All(after, e => Assert.Equal(again.StartedAt, e.LastSeenAt));
        Assert.False(await listener.WaitAsync(TimeSpan.FromMilliseconds(300)));

        var changed = (await worker.RunAsync())!; // sample 2: two events change
        Assert.Equal((0, 2, 0, 1), Counts(changed));
        Assert.True(await listener.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Two_workers_syncing_at_once_neither_corrupt_nor_duplicate()
    {
        await using var generated = await EmbeddedProviderSimulator.StartAsync(new ProviderSimulatorOptions
        {
            Generated = new GeneratedFeedOptions { BasePlans = 300, PlansPerBase = 2, ZonesPerPlan = 20 },
        });
        await using var first = Worker(generated.FeedUrl);
        await using var second = Worker(generated.FeedUrl);

        for (var round = 0; round < 3; round++)
        {
            var runs = await Task.WhenAll(first.RunAsync(), second.RunAsync());
            Assert.All(runs, run => Assert.Equal(SyncOutcome.Succeeded, run!.Outcome));
            Assert.Equal(round == 0 ? 600 : 0, runs.Sum(run => run!.PlansInserted));
            Assert.All(runs, run => Assert.Equal(600, run!.PlansInserted + run.PlansUnchanged));
        }

        await using var db = Db(first);
        Assert.Equal(600, await db.Events.CountAsync());
        Assert.Equal(600, await db.Events.Select(e => new { e.BasePlanId, e.PlanId }).Distinct().CountAsync());
        Assert.Equal(20, (await db.Events.FirstAsync(e => e.BasePlanId == 7 && e.PlanId == 2)).Zones.Count);
    }

    [Fact]
    public async Task Truncated_xml_fails_the_run_and_loses_nothing()
    {
        await using var worker = Worker();
        await worker.RunAsync();
        var before = await LoadEventsAsync(worker);

        _provider.TruncateNext(1);
        var run = (await worker.RunAsync())!;

        Assert.Equal(SyncOutcome.Failed, run.Outcome);
        Assert.Contains("not a valid provider document", run.Error);
        Assert.Equal(200, run.HttpStatus);
        Assert.Equal((0, 0, 0), (run.PlansInserted, run.PlansUpdated, run.PlansUnchanged));
        Assert.Equal(before.Select(Snapshot), (await LoadEventsAsync(worker)).Select(Snapshot));
    }

    [Fact]
    public async Task A_connection_dropped_mid_body_fails_the_run_and_loses_nothing()
    {
        await using var worker = Worker();
        await worker.RunAsync();
        var before = await LoadEventsAsync(worker);

        _provider.AbortNext(1);
        var run = (await worker.RunAsync())!;

        Assert.Equal(SyncOutcome.Failed, run.Outcome);
        Assert.Contains("could not be read to its end", run.Error);
        Assert.Equal(before.Select(Snapshot), (await LoadEventsAsync(worker)).Select(Snapshot));
    }

    [Fact]
    public async Task A_dead_provider_fails_the_run_after_every_retry_and_loses_nothing()
    {
        await using var worker = Worker(settings: new() { ["Provider:MaxRetries"] = "2" });
        await worker.RunAsync();
        var before = await LoadEventsAsync(worker);

        await _provider.StopAsync();
        var run = (await worker.RunAsync())!;

        Assert.Equal(SyncOutcome.Failed, run.Outcome);
        Assert.Equal(3, run.Attempts);
        Assert.Contains("unavailable after 3 attempt(s)", run.Error);
        Assert.Equal(before.Select(Snapshot), (await LoadEventsAsync(worker)).Select(Snapshot));
        Assert.NotNull(run.FinishedAt);
    }

    [Fact]
    public async Task A_burst_of_503_is_retried_through()
    {
        await using var worker = Worker();
        _provider.FailNext(3);

        var run = (await worker.RunAsync())!;

        Assert.Equal(SyncOutcome.Succeeded, run.Outcome);
        Assert.Equal((4, 200), (run.Attempts, run.HttpStatus));
        Assert.Equal(3, (await LoadEventsAsync(worker)).Count);
    }

    [Fact]
    public async Task A_retry_waits_as_long_as_the_providers_retry_after_says()
    {
        var calls = new List<DateTimeOffset>();
        await using var provider = await LoopbackServer.StartAsync(async context =>
        {
            lock (calls)
                calls.Add(DateTimeOffset.UtcNow);
            if (calls.Count == 1)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "1";
                return;
            }
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync("""<planList version="1.0"><output></output></planList>""");
        });
        // Our own backoff would wait 10 ms; the provider asks for a second.
        await using var worker = Worker(provider.Url, new() { ["Provider:RetryMaxDelay"] = "00:00:05" });

        var run = (await worker.RunAsync())!;

        Assert.Equal((SyncOutcome.Succeeded, 2), (run.Outcome, run.Attempts));
        Assert.True(calls[1] - calls[0] >= TimeSpan.FromSeconds(0.9), $"The retry came {(calls[1] - calls[0]).TotalSeconds:0.000} s after the 503.");
    }

    [Fact]
    public async Task A_503_burst_longer_than_the_retries_fails_with_the_last_status()
    {
        await using var worker = Worker(settings: new() { ["Provider:MaxRetries"] = "1" });
        _provider.FailNext(5);

        var run = (await worker.RunAsync())!;

        Assert.Equal((SyncOutcome.Failed, 2, 503), (run.Outcome, run.Attempts, run.HttpStatus));
        Assert.Contains("HTTP 503", run.Error);
    }

    [Fact]
    public async Task Repeated_failures_open_the_circuit_so_later_runs_fail_fast_without_calling()
    {
        await using var worker = Worker(settings: new()
        {
            ["Provider:MaxRetries"] = "0",
            ["Provider:CircuitMinimumThroughput"] = "2",
            ["Provider:CircuitFailureRatio"] = "0.5",
            ["Provider:CircuitBreakDuration"] = "00:01:00",
        });
        _provider.FailNext(2);
        await worker.RunAsync();
        await worker.RunAsync();
        var callsBefore = _provider.Calls;

        var run = (await worker.RunAsync())!;

        Assert.Equal(SyncOutcome.Failed, run.Outcome);
        Assert.Contains("circuit is open", run.Error);
        Assert.Equal(callsBefore, _provider.Calls);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        await using var worker = Worker(new Uri(_provider.BaseAddress, "api/no-such-feed"));

        var run = (await worker.RunAsync())!;

        Assert.Equal((SyncOutcome.Failed, 1, 404), (run.Outcome, run.Attempts, run.HttpStatus));
    }

    [Fact]
    public async Task A_slow_provider_is_abandoned_per_attempt_and_then_answers()
    {
        await using var slow = await EmbeddedProviderSimulator.StartAsync(new ProviderSimulatorOptions
        {
            MinLatency = TimeSpan.FromMilliseconds(400),
            MaxLatency = TimeSpan.FromMilliseconds(400),
        });
        await using var impatient = Worker(slow.FeedUrl, new() { ["Provider:AttemptTimeout"] = "00:00:00.100", ["Provider:MaxRetries"] = "1" });
        var timedOut = (await impatient.RunAsync())!;
        Assert.Equal((SyncOutcome.Failed, 2), (timedOut.Outcome, timedOut.Attempts));

        await using var patient = Worker(slow.FeedUrl, new() { ["Provider:AttemptTimeout"] = "00:00:02" });
        Assert.Equal(SyncOutcome.Succeeded, (await patient.RunAsync())!.Outcome);
    }

    [Fact]
    public async Task Stopping_the_worker_mid_write_leaves_nothing_half_written()
    {
        await using var large = await EmbeddedProviderSimulator.StartAsync(new ProviderSimulatorOptions
        {
            Generated = new GeneratedFeedOptions { BasePlans = 8000, PlansPerBase = 2, ZonesPerPlan = 30 },
        });
        await using var worker = Worker(large.FeedUrl);
        using var stop = new CancellationTokenSource();

        var running = worker.RunAsync(stop.Token);
        await WaitUntilAsync(() => CopyInProgressAsync(), TimeSpan.FromSeconds(30));
        stop.Cancel();
        var run = (await running)!;

        Assert.Equal(SyncOutcome.Cancelled, run.Outcome);
        Assert.Empty(await LoadEventsAsync(worker));
        Assert.Equal(SyncOutcome.Cancelled, (await LoadRunsAsync(worker)).Single().Outcome);

        var complete = (await worker.RunAsync())!;
        Assert.Equal((SyncOutcome.Succeeded, 16000), (complete.Outcome, complete.PlansInserted));
    }

    [Fact]
    public async Task Every_run_is_recorded_with_its_outcome_counts_and_error()
    {
        await using var worker = Worker(settings: new() { ["Provider:MaxRetries"] = "0" });
        await worker.RunAsync();
        _provider.FailNext(1);
        await worker.RunAsync();

        var runs = await LoadRunsAsync(worker);
        Assert.Equal([SyncOutcome.Succeeded, SyncOutcome.Failed], runs.Select(r => r.Outcome));
        var (ok, failed) = (runs[0], runs[1]);
        Assert.Equal((1, 200, 3, 3), (ok.Attempts, ok.HttpStatus, ok.PlansSeen, ok.PlansInserted));
        Assert.True(ok.BytesRead > 1000);
        Assert.True(ok.FinishedAt >= ok.StartedAt);
        Assert.Null(ok.Error);
        Assert.Equal((1, 503), (failed.Attempts, failed.HttpStatus));
        Assert.Contains("HTTP 503", failed.Error);
    }

    private SyncWorkerHost Worker(Uri? feedUrl = null, Dictionary<string, string?>? settings = null) =>
        new(_connectionString, feedUrl ?? _provider.FeedUrl, settings);

    /// <summary>A context on the worker's own data source: the worker itself writes with Npgsql and has no EF Core.</summary>
    private static FeverDbContext Db(SyncWorkerHost worker) =>
        new(new DbContextOptionsBuilder<FeverDbContext>().UseNpgsql(worker.Services.GetRequiredService<NpgsqlDataSource>()).Options);

    private static async Task<List<Event>> LoadEventsAsync(SyncWorkerHost worker)
    {
        await using var db = Db(worker);
        return await db.Events.AsNoTracking().OrderBy(e => e.BasePlanId).ThenBy(e => e.PlanId).ToListAsync();
    }

    private static async Task<List<SyncRun>> LoadRunsAsync(SyncWorkerHost worker)
    {
        await using var db = Db(worker);
        return await db.SyncRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    private static (int Inserted, int Updated, int Unchanged, int Skipped) Counts(SyncRun run) =>
        (run.PlansInserted, run.PlansUpdated, run.PlansUnchanged, run.PlansSkipped);

    private static string Content(Event e) =>
        $"{e.Id}|{e.Title}|{e.StartsAt:O}|{e.EndsAt:O}|{e.SoldOut}|{e.MinPrice}|{e.MaxPrice}|" +
        string.Join(',', e.Zones.Select(z => $"{z.ZoneId}:{z.Capacity}:{z.Price}:{z.Numbered}"));

    private static string Snapshot(Event e) => $"{Content(e)}|{e.FirstSeenAt:O}|{e.LastSeenAt:O}|{e.Version}";

    private async Task<bool> CopyInProgressAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY staging_events%' AND state = 'active'", connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The condition did not hold in time.");
            await Task.Delay(10);
        }
    }

    private async Task<ChangeListener> ListenAsync() => await ChangeListener.StartAsync(_connectionString);

    /// <summary>LISTENs on <see cref="EventChanges.Channel"/> and tells whether a notification arrived.</summary>
    private sealed class ChangeListener : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;

        private ChangeListener(NpgsqlConnection connection) => _connection = connection;

        public static async Task<ChangeListener> StartAsync(string connectionString)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var listen = new NpgsqlCommand($"LISTEN {EventChanges.Channel}", connection);
            await listen.ExecuteNonQueryAsync();
            return new ChangeListener(connection);
        }

        public async Task<bool> WaitAsync(TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await _connection.WaitAsync(cancel.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}
