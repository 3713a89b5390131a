using System.Diagnostics.Metrics;
using Fever.Data;
using Fever.Sync.Feed;

namespace Fever.Sync;

/// <summary>The worker's own metrics, on the meter "Fever.Sync" of the host's <see cref="IMeterFactory"/>.</summary>
public sealed class SyncMetrics
{
    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _plans;

    public SyncMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(SyncTelemetry.Name);
        _runs = meter.CreateCounter<long>("fever.sync.runs", "{run}", "Sync runs, by outcome.");
        _duration = meter.CreateHistogram("fever.sync.duration", "s", "How long sync runs take, by outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300] });
        _plans = meter.CreateCounter<long>("fever.sync.plans", "{plan}",
            "Plans of the feed by what a run did with them: inserted, updated, unchanged or skipped (by skip_reason).");
    }

    /// <summary>A finished run, its duration and its plans by outcome, the skipped ones by reason.</summary>
    public void RecordRun(SyncRun run, FeedParseReport report, TimeSpan duration)
    {
        RecordOutcome(run.Outcome, duration);
        _plans.Add(run.PlansInserted, new KeyValuePair<string, object?>("outcome", "inserted"));
        _plans.Add(run.PlansUpdated, new KeyValuePair<string, object?>("outcome", "updated"));
        _plans.Add(run.PlansUnchanged, new KeyValuePair<string, object?>("outcome", "unchanged"));
        foreach (var (reason, count) in report.PlanSkipReasons)
            _plans.Add(count, new KeyValuePair<string, object?>("outcome", "skipped"), new KeyValuePair<string, object?>("skip_reason", reason));
    }

    /// <summary>A run that could not even be recorded: failed, with no plans.</summary>
    public void RecordUnrecordedRun(TimeSpan duration) => RecordOutcome(SyncOutcome.Failed, duration);

    private void RecordOutcome(SyncOutcome outcome, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome.ToText());
        _runs.Add(1, tag);
        _duration.Record(duration.TotalSeconds, tag);
    }
}
