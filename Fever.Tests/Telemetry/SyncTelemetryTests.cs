using System.Diagnostics;
using System.Diagnostics.Metrics;
using Fever.Data;
using Fever.ProviderSimulator;
using Fever.Sync;
using Fever.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fever.Tests.Telemetry;

/// <summary>The worker's spans and measurements for runs against the provider simulator and a real PostgreSQL.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class SyncTelemetryTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string HttpClientSource = "System.Net.Http";
    private const string NpgsqlSource = "Npgsql";

    private EmbeddedProviderSimulator _provider = null!;
    private string _connectionString = null!;

    public async Task InitializeAsync()
    {
        _provider = await EmbeddedProviderSimulator.StartAsync(new ProviderSimulatorOptions { Loop = false });
        _connectionString = await postgres.CreateDatabaseAsync();
    }

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    /// <summary>The worker's meter comes from its host's <see cref="IMeterFactory"/>: other hosts in the process have their own.</summary>
    private static bool IsWorkers(Instrument instrument, SyncWorkerHost worker) =>
        instrument.Meter.Name == SyncTelemetry.Name && instrument.Meter.Scope == worker.Services.GetRequiredService<IMeterFactory>();

    [Fact]
    public async Task A_run_is_a_span_with_fetch_parse_and_write_under_it_and_the_http_and_database_calls_beneath_them()
    {
        await using var worker = new SyncWorkerHost(_connectionString, _provider.FeedUrl);
        _provider.Reset(2); // the third sample: one plan offline, one with an impossible date
        _provider.FailNext(1);
        using var trace = new TraceRecorder(SyncTelemetry.Name, HttpClientSource, NpgsqlSource);

        var run = (await worker.RunAsync())!;

        Assert.Equal(SyncOutcome.Succeeded, run.Outcome);
        var runSpan = trace.Single("sync run");
        Assert.Equal((SyncTelemetry.Name, ActivityKind.Internal, trace.Root.SpanId), (runSpan.Source.Name, runSpan.Kind, runSpan.ParentSpanId));
        Assert.Equal(ActivityStatusCode.Unset, runSpan.Status);
        Assert.Equal(run.Id, runSpan.GetTagItem("fever.sync.run.id"));
        Assert.Equal("succeeded", runSpan.GetTagItem("fever.sync.outcome"));
        Assert.Equal(run.PlansSeen, runSpan.GetTagItem("fever.sync.plans.seen"));
        Assert.Equal(run.PlansInserted, runSpan.GetTagItem("fever.sync.plans.inserted"));
        Assert.Equal(2, runSpan.GetTagItem("fever.sync.plans.skipped"));
        Assert.Equal(1, runSpan.GetTagItem("fever.sync.skipped.offline"));
        Assert.Equal(1, runSpan.GetTagItem("fever.sync.skipped.invalid_date"));

        var children = trace.ChildrenOf(runSpan).Where(span => span.Source.Name == SyncTelemetry.Name).ToDictionary(span => span.DisplayName);
        Assert.Equal(["fetch", "parse", "write"], children.Keys.Order());
        var (fetch, parse, write) = (children["fetch"], children["parse"], children["write"]);
        Assert.Equal(2, fetch.GetTagItem("fever.sync.attempts"));
        Assert.True(fetch.StartTimeUtc + fetch.Duration <= parse.StartTimeUtc, "The body is parsed after the answer's headers arrived.");
        Assert.Equal(run.PlansInserted, write.GetTagItem("fever.sync.plans.inserted"));

        // One HTTP span per attempt: the 503, then the answer.
        var requests = trace.Spans.Where(span => span.Source.Name == HttpClientSource).OrderBy(span => span.StartTimeUtc).ToList();
        Assert.Equal([503, 200], requests.Select(span => span.GetTagItem("http.response.status_code")));
        Assert.All(requests, request => Assert.Equal(fetch.SpanId, request.ParentSpanId));

        // Every database call of the run is under it; the COPY and the merge are under write.
        var databaseCalls = trace.Spans.Where(span => span.Source.Name == NpgsqlSource).ToList();
        Assert.NotEmpty(databaseCalls);
        Assert.All(databaseCalls, call => Assert.True(trace.Descends(call, runSpan), $"{call.DisplayName} is outside the run."));
        Assert.Contains(databaseCalls, call => trace.Descends(call, write));
    }

    [Fact]
    public async Task A_run_counts_itself_its_duration_and_its_plans_by_outcome_and_skip_reason()
    {
        await using var worker = new SyncWorkerHost(_connectionString, _provider.FeedUrl);
        _provider.Reset(2);
        using var measurements = new MeasurementRecorder(instrument => IsWorkers(instrument, worker));

        var run = (await worker.RunAsync())!;

        var runs = Assert.Single(measurements.Of("fever.sync.runs"));
        Assert.Equal(("{run}", 1d, "succeeded"), (runs.Instrument.Unit, runs.Value, runs.Tags["outcome"]));
        var duration = Assert.Single(measurements.Of("fever.sync.duration"));
        Assert.Equal(("s", "succeeded"), (duration.Instrument.Unit, duration.Tags["outcome"]));
        Assert.InRange(duration.Value, 0.000_001, 30);

        var plans = measurements.Of("fever.sync.plans");
        Assert.All(plans, plan => Assert.Equal("{plan}", plan.Instrument.Unit));
        double Plans(string outcome, string? skipReason = null) =>
            plans.Where(p => Equals(p.Tags["outcome"], outcome) && Equals(p.Tags.GetValueOrDefault("skip_reason"), skipReason)).Sum(p => p.Value);
        Assert.Equal(run.PlansInserted, Plans("inserted"));
        Assert.Equal(run.PlansUpdated, Plans("updated"));
        Assert.Equal(run.PlansUnchanged, Plans("unchanged"));
        Assert.Equal((1, 1), (Plans("skipped", "offline"), Plans("skipped", "invalid_date")));
        Assert.Equal(run.PlansSeen, plans.Sum(p => p.Value));
    }

    [Fact]
    public async Task A_run_whose_provider_never_answers_is_a_failed_span_and_a_failed_run()
    {
        await using var worker = new SyncWorkerHost(_connectionString, _provider.FeedUrl, new Dictionary<string, string?> { ["Provider:MaxRetries"] = "1" });
        _provider.FailNext(2);
        using var measurements = new MeasurementRecorder(instrument => IsWorkers(instrument, worker));
        using var trace = new TraceRecorder(SyncTelemetry.Name);

        var run = (await worker.RunAsync())!;

        Assert.Equal(SyncOutcome.Failed, run.Outcome);
        var runSpan = trace.Single("sync run");
        Assert.Equal((ActivityStatusCode.Error, run.Error), (runSpan.Status, runSpan.StatusDescription));
        Assert.Equal("failed", runSpan.GetTagItem("fever.sync.outcome"));
        var fetch = trace.Single("fetch");
        Assert.Equal((ActivityStatusCode.Error, 2), (fetch.Status, fetch.GetTagItem("fever.sync.attempts")));
        Assert.DoesNotContain(trace.Spans, span => span.DisplayName is "parse" or "write");
        Assert.Equal("failed", Assert.Single(measurements.Of("fever.sync.runs")).Tags["outcome"]);
    }
}
