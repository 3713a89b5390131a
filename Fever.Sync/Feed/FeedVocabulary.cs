namespace Fever.Sync.Feed;

/// <summary>
/// The element and attribute names of one revision of the feed. The current one is
/// <c>planList/base_plan/plan</c>; an older one says <c>eventList/base_event/event</c> for the same tree.
/// </summary>
public sealed record FeedVocabulary(
    string Root,
    string BasePlan,
    string BasePlanId,
    string Plan,
    string PlanId,
    string PlanStart,
    string PlanEnd)
{
    public static readonly FeedVocabulary Plans =
        new("planList", "base_plan", "base_plan_id", "plan", "plan_id", "plan_start_date", "plan_end_date");

    public static readonly FeedVocabulary Events =
        new("eventList", "base_event", "base_event_id", "event", "event_id", "event_start_date", "event_end_date");

    public static FeedVocabulary? ForRoot(string rootName) =>
        rootName == Plans.Root ? Plans : rootName == Events.Root ? Events : null;
}
