namespace Fever.Data;

/// <summary>How a sync run ended; stored as lower-case text in <c>sync_runs.outcome</c>.</summary>
public enum SyncOutcome
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
    Abandoned,
}

public static class SyncOutcomeText
{
    /// <summary>
    /// The outcome as <c>sync_runs.outcome</c> stores it and as spans and metrics tag it: <c>succeeded</c>, <c>failed</c>…
    /// </summary>
    public static string ToText(this SyncOutcome outcome) => outcome switch
    {
        SyncOutcome.Running => "running",
        SyncOutcome.Succeeded => "succeeded",
        SyncOutcome.Failed => "failed",
        SyncOutcome.Cancelled => "cancelled",
        SyncOutcome.Abandoned => "abandoned",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static SyncOutcome Parse(string text) => Enum.Parse<SyncOutcome>(text, ignoreCase: true);
}
