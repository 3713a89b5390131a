namespace Fever.Sync.Feed;

/// <summary>A valid plan of an online base plan, as read from the feed. Times are UTC wall-clock values.</summary>
public sealed record FeedPlan(
    long BasePlanId,
    long PlanId,
    string Title,
    long? OrganizerCompanyId,
    DateTime StartsAt,
    DateTime EndsAt,
    DateTime? SellFrom,
    DateTime? SellTo,
    bool SoldOut,
    IReadOnlyList<FeedZone> Zones)
{
    /// <summary>Lowest zone price, whatever the zone's capacity; null for a plan without zones.</summary>
    public decimal? MinPrice => Zones.Count == 0 ? null : Zones.Min(z => z.Price);

    /// <summary>Highest zone price, whatever the zone's capacity; null for a plan without zones.</summary>
    public decimal? MaxPrice => Zones.Count == 0 ? null : Zones.Max(z => z.Price);
}
