namespace Fever.Api.Http;

/// <summary>The codes of <see cref="ApiError"/>, stable for clients to branch on.</summary>
public static class ErrorCodes
{
    public const string UnknownParameter = "unknown_parameter";
    public const string RepeatedParameter = "repeated_parameter";
    public const string EmptyValue = "empty_value";
    public const string ValueTooLong = "value_too_long";
    public const string MalformedDateTime = "malformed_date_time";
    public const string ImpossibleDateTime = "impossible_date_time";
    public const string InvalidRange = "invalid_range";
    public const string RateLimited = "rate_limited";
    public const string SnapshotUnavailable = "snapshot_unavailable";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string InternalError = "internal_error";
}
