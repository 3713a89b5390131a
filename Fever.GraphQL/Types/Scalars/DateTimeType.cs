using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Fever.GraphQL.Types.Scalars;

/// <summary>
/// HotChocolate's <c>DateTime</c>: an RFC 3339 date-time. Read with <c>Z</c>, an offset, or no offset (taken as
/// UTC, as <c>/search</c> does) into a UTC <see cref="DateTimeOffset"/>; written in UTC with milliseconds and <c>Z</c>.
/// <see cref="DateTime"/> values are written as UTC (unspecified kind is taken as UTC wall-clock time).
/// </summary>
public sealed partial class DateTimeType() : StringScalar("DateTime", "The `DateTime` scalar represents an ISO-8601 compliant date time type.",
    "https://www.graphql-scalars.com/date-time")
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}(:?\d{2})?)?$")]
    private static partial Regex Rfc3339();

    protected override bool TryParse(string text, out object? value)
    {
        value = null;
        if (text.Length > 40 || !Rfc3339().IsMatch(text))
            return false;
        var normalized = text.Replace('t', 'T').Replace('z', 'Z');
        var fraction = normalized.IndexOf('.');
        if (fraction > 0)
        {
            var end = fraction + 1;
            while (end < normalized.Length && char.IsAsciiDigit(normalized[end]))
                end++;
            if (end - fraction - 1 > 7)
                normalized = normalized[..(fraction + 8)] + normalized[end..];
        }
        if (!DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return false;
        value = instant.ToUniversalTime();
        return true;
    }

    /// <summary>
    /// The instant as a UTC <see cref="DateTime"/> (the value itself when it already is one): the response writer writes
    /// it with <see cref="WriteTo"/>, without a string in between.
    /// </summary>
    public override object Serialize(object value) => value switch
    {
        DateTimeOffset instant => instant.UtcDateTime,
        DateTime time when time.Kind == DateTimeKind.Local => time.ToUniversalTime(),
        DateTime => value,
        _ => throw CannotSerialize(value),
    };

    /// <summary>Writes <paramref name="utc"/> as <see cref="Format"/>, digit by digit: a format string is parsed on every call.</summary>
    public static void WriteTo(Utf8JsonWriter writer, DateTime utc)
    {
        Span<byte> text = stackalloc byte[24];
        Digits(text[..4], utc.Year);
        text[4] = (byte)'-';
        Digits(text[5..7], utc.Month);
        text[7] = (byte)'-';
        Digits(text[8..10], utc.Day);
        text[10] = (byte)'T';
        Digits(text[11..13], utc.Hour);
        text[13] = (byte)':';
        Digits(text[14..16], utc.Minute);
        text[16] = (byte)':';
        Digits(text[17..19], utc.Second);
        text[19] = (byte)'.';
        Digits(text[20..23], utc.Millisecond);
        text[23] = (byte)'Z';
        writer.WriteStringValue(text);
    }

    private static void Digits(Span<byte> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--, value /= 10)
            text[i] = (byte)('0' + value % 10);
    }
}
