using System.ComponentModel.DataAnnotations;

namespace Fever.Sync;

/// <summary>When the worker syncs. Bound from the "Sync" section and checked at start.</summary>
public sealed class SyncOptions
{
    public const string SectionName = "Sync";

    /// <summary>Time between the starts of two runs; the first run starts at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Sync:Interval must be from 1 ms to 24 h.")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Run once and exit (status 0 if the run succeeded, 1 otherwise), e.g. from cron or a benchmark.</summary>
    public bool RunOnce { get; set; }

    /// <summary>A 'running' row older than this is taken for a dead worker's and marked abandoned.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Sync:AbandonRunsAfter must be from 1 s to 7 days.")]
    public TimeSpan AbandonRunsAfter { get; set; } = TimeSpan.FromMinutes(30);
}
