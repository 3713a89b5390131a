using System.Diagnostics;
using System.Diagnostics.Metrics;
using Fever.Data;
using Fever.Sync.Feed;

namespace Fever.Sync;

/// <summary>
/// The worker's own traces and metrics, both named "Fever.Sync". A run is a "sync run" span with three children:
/// "fetch" (the provider call up to the answer's headers, retries included), "parse" (reading and parsing the body,
/// on the read-ahead thread) and "write" (the transaction: COPY of the plans as they are parsed, then the merge).
/// Parse and write run side by side, so their spans overlap.
/// </summary>
public static class SyncTelemetry
{
    public const string Name = "Fever.Sync";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Runs = Meter.CreateCounter<long>(
        "fever.sync.runs", "{run}", "Sync runs, by outcome.");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "fever.sync.duration", "s", "How long sync runs take, by outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300] });

    private static readonly Counter<long> Plans = Meter.CreateCounter<long>(
        "fever.sync.plans", "{plan}", "Plans of the feed by what a run did with them: inserted, updated, unchanged or skipped (by skip_reason).");

    /// <summary>
    /// The plans inside a "parse" span, from the first one asked for to the end of the feed. They are enumerated on the
    /// read-ahead thread, where the current activity is "write": the span names its parent, the run, explicitly.
    /// </summary>
    public static IEnumerable<FeedPlan> WithParseSpan(this IEnumerable<FeedPlan> plans, Activity? run)
    {
        using var activity = run is null ? null : Source.StartActivity("parse", ActivityKind.Internal, run.Context);
        using var enumerator = plans.GetEnumerator();
        while (true)
        {
            bool more;
            try
            {
                more = enumerator.MoveNext();
            }
            catch (Exception exception)
            {
                activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
                throw;
            }
            if (!more)
                yield break;
            yield return enumerator.Current;
        }
    }

    /// <summary>Describes a finished run on its span and records its measurements, with the counts its record has.</summary>
    public static void RecordRun(Activity? activity, SyncRun run, FeedParseReport report, TimeSpan duration)
    {
        var outcome = run.Outcome.ToString().ToLowerInvariant();
        if (activity is not null)
        {
            activity.SetTag("fever.sync.run.id", run.Id)
                .SetTag("fever.sync.outcome", outcome)
                .SetTag("fever.sync.bytes_read", run.BytesRead)
                .SetTag("fever.sync.plans.seen", run.PlansSeen)
                .SetTag("fever.sync.plans.inserted", run.PlansInserted)
                .SetTag("fever.sync.plans.updated", run.PlansUpdated)
                .SetTag("fever.sync.plans.unchanged", run.PlansUnchanged)
                .SetTag("fever.sync.plans.skipped", run.PlansSkipped)
                .SetTag("fever.sync.zones.skipped", run.ZonesSkipped);
            foreach (var (reason, count) in run.SkipReasons)
                activity.SetTag($"fever.sync.skipped.{reason}", count);
            if (run.Outcome == SyncOutcome.Failed)
                activity.SetStatus(ActivityStatusCode.Error, run.Error);
        }

        var outcomeTag = new KeyValuePair<string, object?>("outcome", outcome);
        Runs.Add(1, outcomeTag);
        Duration.Record(duration.TotalSeconds, outcomeTag);
        Plans.Add(run.PlansInserted, new KeyValuePair<string, object?>("outcome", "inserted"));
        Plans.Add(run.PlansUpdated, new KeyValuePair<string, object?>("outcome", "updated"));
        Plans.Add(run.PlansUnchanged, new KeyValuePair<string, object?>("outcome", "unchanged"));
        foreach (var (reason, count) in report.PlanSkipReasons)
            Plans.Add(count, new KeyValuePair<string, object?>("outcome", "skipped"), new KeyValuePair<string, object?>("skip_reason", reason));
    }

    /// <summary>A run that could not even be recorded (PostgreSQL unavailable): failed, with no record and no plans.</summary>
    public static void RecordUnrecordedRun(Activity? activity, string error, TimeSpan duration)
    {
        var outcome = SyncOutcome.Failed.ToString().ToLowerInvariant();
        activity?.SetTag("fever.sync.outcome", outcome).SetStatus(ActivityStatusCode.Error, error);
        var outcomeTag = new KeyValuePair<string, object?>("outcome", outcome);
        Runs.Add(1, outcomeTag);
        Duration.Record(duration.TotalSeconds, outcomeTag);
    }
}
