namespace Fever.Sync.Feed;

/// <summary>What one parse saw: plans read and yielded, plans and zones skipped by reason.</summary>
public sealed class FeedParseReport
{
    private readonly Dictionary<string, int> _skipReasons = [];

    public FeedVocabulary? Vocabulary { get; internal set; }
    public int PlansSeen { get; internal set; }
    public int PlansAccepted { get; internal set; }
    public int PlansSkipped { get; private set; }
    public int ZonesSkipped { get; private set; }
    public IReadOnlyDictionary<string, int> SkipReasons => _skipReasons;

    internal void SkipPlan(string reason)
    {
        PlansSkipped++;
        Count(reason);
    }

    internal void SkipZone(string reason)
    {
        ZonesSkipped++;
        Count(reason);
    }

    private void Count(string reason) => _skipReasons[reason] = _skipReasons.GetValueOrDefault(reason) + 1;
}
