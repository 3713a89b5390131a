namespace Fever.Sync.Feed;

/// <summary>Why the parser left a plan or a zone out; the keys of <c>sync_runs.skip_reasons</c>.</summary>
public static class SkipReason
{
    public const string Offline = "offline";
    public const string MissingAttribute = "missing_attribute";
    public const string InvalidId = "invalid_id";
    public const string InvalidDate = "invalid_date";
    public const string EndBeforeStart = "end_before_start";
    public const string InvalidValue = "invalid_value";
    public const string DuplicatePlan = "duplicate_plan";

    public const string ZoneMissingAttribute = "zone_missing_attribute";
    public const string ZoneInvalidId = "zone_invalid_id";
    public const string ZoneInvalidPrice = "zone_invalid_price";
    public const string ZoneInvalidCapacity = "zone_invalid_capacity";
}
