namespace Fever.Sync.Feed;

/// <summary>What one parse saw: plans read and yielded, plans and zones skipped by reason.</summary>
public sealed class FeedParseReport
{
    private readonly Dictionary<string, int> _skipReasons = [];
    private readonly Dictionary<string, int> _planSkipReasons = [];

    public FeedVocabulary? Vocabulary { get; internal set; }
    public int PlansSeen { get; internal set; }
    public int PlansAccepted { get; internal set; }
    public int PlansSkipped { get; private set; }
    public int ZonesSkipped { get; private set; }

    /// <summary>Skipped plans and zones by reason.</summary>
    public IReadOnlyDictionary<string, int> SkipReasons => _skipReasons;

    /// <summary>Skipped plans only, by reason: a skipped zone leaves its plan in the feed.</summary>
    public IReadOnlyDictionary<string, int> PlanSkipReasons => _planSkipReasons;

    internal void SkipPlan(string reason)
    {
        PlansSkipped++;
        Count(_planSkipReasons, reason);
        Count(_skipReasons, reason);
    }

    internal void SkipZone(string reason)
    {
        ZonesSkipped++;
        Count(_skipReasons, reason);
    }

    private static void Count(Dictionary<string, int> counts, string reason) => counts[reason] = counts.GetValueOrDefault(reason) + 1;
}
