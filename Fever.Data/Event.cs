namespace Fever.Data;

/// <summary>
/// One dated session of a show (the provider's <c>plan</c>), as stored. Provider times carry no
/// offset; they are kept as UTC wall-clock values in <c>timestamp</c> columns.
/// </summary>
public sealed class Event
{
    public Guid Id { get; set; }
    public long BasePlanId { get; set; }
    public long PlanId { get; set; }
    public required string Title { get; set; }
    public long? OrganizerCompanyId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public DateTime? SellFrom { get; set; }
    public DateTime? SellTo { get; set; }
    public bool SoldOut { get; set; }
    public decimal? MinPrice { get; set; }
    public decimal? MaxPrice { get; set; }
    public List<EventZone> Zones { get; set; } = [];
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>When the event's content last changed (a sighting alone does not count).</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Value of <c>events_version_seq</c> at the event's last content change: readers load what changed after a version they know.</summary>
    public long Version { get; set; }
}
