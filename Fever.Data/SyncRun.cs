namespace Fever.Data;

/// <summary>One pass of the sync worker over the provider's feed, successful or not.</summary>
public sealed class SyncRun
{
    public long Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public SyncOutcome Outcome { get; set; }
    public required string Worker { get; set; }
    public string? ProviderUrl { get; set; }
    public int? HttpStatus { get; set; }
    public int Attempts { get; set; }
    public long BytesRead { get; set; }
    public int PlansSeen { get; set; }
    public int PlansInserted { get; set; }
    public int PlansUpdated { get; set; }
    public int PlansUnchanged { get; set; }
    public int PlansSkipped { get; set; }
    public int ZonesSkipped { get; set; }

    /// <summary>Skipped plans and zones by reason, e.g. <c>{"invalid_date": 2}</c>.</summary>
    public Dictionary<string, int> SkipReasons { get; set; } = [];
    public string? Error { get; set; }
}
