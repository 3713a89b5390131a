namespace Fever.Data;

/// <summary>A priced seating area of an event, kept in the event's <c>zones</c> jsonb array in feed order.</summary>
public sealed class EventZone
{
    public long ZoneId { get; set; }
    public string? Name { get; set; }
    public int? Capacity { get; set; }
    public decimal Price { get; set; }
    public bool? Numbered { get; set; }
}
