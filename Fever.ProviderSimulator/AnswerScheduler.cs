namespace Fever.ProviderSimulator;

/// <summary>
/// Decides, call by call and under one lock, what the simulator answers. Every call counts and
/// draws its latency. The failure decision comes first, in this order: a queued
/// <see cref="FailNext"/>, <c>FailEvery</c>, <c>FailureRate</c>, a queued <see cref="AbortNext"/>.
/// Failed and aborted calls do not advance the answer sequence; successful answers (complete or
/// truncated) do.
/// </summary>
sealed class AnswerScheduler(ProviderSimulatorOptions options, int answerCount)
{
    const double Middle = 0.5;

    readonly Lock gate = new();
    readonly Random random = new(options.Seed);
    int next;
    int calls;
    int failures;
    int served;
    int queuedFailures;
    int queuedTruncations;
    int queuedAborts;

    public int Calls { get { lock (gate) return calls; } }

    public int Failures { get { lock (gate) return failures; } }

    public int Served { get { lock (gate) return served; } }

    public void FailNext(int count) => Enqueue(ref queuedFailures, count);

    public void TruncateNext(int count) => Enqueue(ref queuedTruncations, count);

    public void AbortNext(int count) => Enqueue(ref queuedAborts, count);

    public void Reset(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, answerCount);
        lock (gate)
            next = index;
    }

    public ScheduledAnswer Next()
    {
        lock (gate)
        {
            calls++;
            var delay = DrawLatency();
            if (ShouldFail())
            {
                failures++;
                return new(delay, AnswerKind.Fail);
            }

            if (TryDequeue(ref queuedAborts))
            {
                failures++;
                return new(delay, AnswerKind.Aborted, next, Middle);
            }

            var index = next;
            next = index + 1 < answerCount ? index + 1 : options.Loop ? 0 : index;
            served++;
            if (TryDequeue(ref queuedTruncations))
                return new(delay, AnswerKind.Truncated, index, Middle);
            return Draw(options.TruncateRate)
                ? new(delay, AnswerKind.Truncated, index, random.NextDouble())
                : new(delay, AnswerKind.Complete, index);
        }
    }

    bool ShouldFail() =>
        TryDequeue(ref queuedFailures)
        || (options.FailEvery > 0 && calls % options.FailEvery == 0)
        || Draw(options.FailureRate);

    TimeSpan DrawLatency() =>
        options.MaxLatency > options.MinLatency
            ? options.MinLatency + (options.MaxLatency - options.MinLatency) * random.NextDouble()
            : options.MinLatency;

    bool Draw(double rate) => rate > 0 && random.NextDouble() < rate;

    void Enqueue(ref int queue, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (gate)
            queue += count;
    }

    static bool TryDequeue(ref int queue)
    {
        if (queue == 0)
            return false;
        queue--;
        return true;
    }
}
