using System.Globalization;

namespace Fever.Sync.Feed;

/// <summary>Parsing of the feed's attribute values, strict about what the provider documents and nothing more.</summary>
public static class FeedValues
{
    /// <summary>ISO-8601 local date-time, seconds and fraction optional; an offset, if any, is converted to UTC.</summary>
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
    ];

    /// <summary>
    /// Provider times carry no offset: they are taken as UTC wall-clock times and returned with
    /// <see cref="DateTimeKind.Unspecified"/>, as PostgreSQL <c>timestamp</c> columns expect.
    /// Impossible dates such as 2021-09-31 are refused.
    /// </summary>
    public static bool TryParseTime(string? text, out DateTime value)
    {
        if (DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified);
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>A non-negative decimal with a dot, e.g. <c>20.00</c>.</summary>
    public static bool TryParsePrice(string? text, out decimal price) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out price);

    /// <summary>Absent is fine (null); present must be a non-negative whole number.</summary>
    public static bool TryParseCapacity(string? text, out int? capacity)
    {
        capacity = null;
        if (string.IsNullOrEmpty(text))
            return true;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return false;
        capacity = value;
        return true;
    }

    /// <summary>Absent is fine (null); present must be <c>true</c> or <c>false</c> (any case).</summary>
    public static bool TryParseBoolean(string? text, out bool? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
            return true;
        if (!bool.TryParse(text, out var parsed))
            return false;
        value = parsed;
        return true;
    }
}
