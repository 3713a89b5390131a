using System.Diagnostics;
using Fever.Data;
using Fever.Sync.Feed;

namespace Fever.Sync;

/// <summary>
/// The worker's own spans, on the activity source "Fever.Sync" (its metrics are <see cref="SyncMetrics"/>). A run is a
/// "sync run" span with three children: "fetch" (the provider call up to the answer's headers, retries included),
/// "parse" (reading and parsing the body, on the read-ahead thread) and "write" (the transaction: COPY of the plans as
/// they are parsed, then the merge). Parse and write run side by side, so their spans overlap.
/// </summary>
public static class SyncTelemetry
{
    public const string Name = "Fever.Sync";

    public static readonly ActivitySource Source = new(Name);

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

    /// <summary>Describes a finished run on its span, with the counts its record has.</summary>
    public static void DescribeRun(this Activity? activity, SyncRun run)
    {
        if (activity is null)
            return;
        activity.SetTag("fever.sync.run.id", run.Id)
            .SetTag("fever.sync.outcome", run.Outcome.ToText())
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

    /// <summary>A run that could not even be recorded (PostgreSQL unavailable): failed, with no record.</summary>
    public static void DescribeUnrecordedRun(this Activity? activity, string error) =>
        activity?.SetTag("fever.sync.outcome", SyncOutcome.Failed.ToText()).SetStatus(ActivityStatusCode.Error, error);
}
