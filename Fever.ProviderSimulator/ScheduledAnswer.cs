namespace Fever.ProviderSimulator;

/// <summary>What the simulator does with one call, decided by <see cref="AnswerScheduler"/>.</summary>
/// <param name="Delay">Latency to wait before answering.</param>
/// <param name="Kind">Failure, complete answer, truncated answer or aborted connection.</param>
/// <param name="Index">Which answer of the sequence to send (unused for <see cref="AnswerKind.Fail"/>).</param>
/// <param name="CutAt">For a truncated answer, where to cut, as a fraction of the document.</param>
readonly record struct ScheduledAnswer(TimeSpan Delay, AnswerKind Kind, int Index = 0, double CutAt = 0);

enum AnswerKind
{
    /// <summary>503 with an empty body.</summary>
    Fail,

    /// <summary>200 with the whole document.</summary>
    Complete,

    /// <summary>A clean 200 whose document stops inside an element.</summary>
    Truncated,

    /// <summary>Part of the body, then the connection is aborted.</summary>
    Aborted,
}
