using System.Collections.Concurrent;
using System.Diagnostics;

namespace Fever.Tests.Telemetry;

/// <summary>
/// Starts a trace of its own (a "test" activity, current for the caller from now on) and keeps the spans of the given
/// sources that end in that trace, so that spans of anything else running in the process never mix in.
/// </summary>
public sealed class TraceRecorder : IDisposable
{
    // Listeners match it by name: comparing with the static field would read it before it is set when the listener's
    // first call happens to create it.
    private const string TestSourceName = "Fever.Tests";
    private static readonly ActivitySource TestSource = new(TestSourceName);

    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityTraceId _traceId;

    public TraceRecorder(params string[] sourceNames)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TestSourceName || sourceNames.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == _traceId && activity.Source.Name != TestSourceName)
                    _spans.Enqueue(activity);
            },
        };
        ActivitySource.AddActivityListener(_listener);
        Root = TestSource.StartActivity("test") ?? throw new InvalidOperationException("The test's own activity was not sampled.");
        _traceId = Root.TraceId;
    }

    public Activity Root { get; }

    /// <summary>The spans of this trace that have ended, in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans => [.. _spans];

    public Activity Single(string name) => Assert.Single(Spans, span => span.DisplayName == name);

    public IReadOnlyList<Activity> ChildrenOf(Activity parent) => [.. Spans.Where(span => span.ParentSpanId == parent.SpanId)];

    public bool Descends(Activity span, Activity ancestor)
    {
        var spans = Spans.ToDictionary(s => s.SpanId);
        for (var parent = span.ParentSpanId; parent != default; parent = spans.TryGetValue(parent, out var next) ? next.ParentSpanId : default)
        {
            if (parent == ancestor.SpanId)
                return true;
        }
        return false;
    }

    public void Dispose()
    {
        Root.Dispose();
        _listener.Dispose();
    }
}
