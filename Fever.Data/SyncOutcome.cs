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
