namespace Fever.Sync.Feed;

/// <summary>A priced seating area of a plan. The same zone id may appear twice in one plan: both are kept.</summary>
public sealed record FeedZone(long ZoneId, string? Name, int? Capacity, decimal Price, bool? Numbered);
