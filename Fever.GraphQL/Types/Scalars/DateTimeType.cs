using System.Globalization;
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

    public override object Serialize(object value) => value switch
    {
        DateTimeOffset instant => Write(instant.UtcDateTime),
        DateTime time when time.Kind == DateTimeKind.Local => Write(time.ToUniversalTime()),
        DateTime time => Write(time),
        _ => throw CannotSerialize(value),
    };

    /// <summary><see cref="Format"/>, written digit by digit: a custom format string is parsed on every call, several times slower.</summary>
    private static string Write(DateTime utc) => string.Create(24, utc, static (text, time) =>
    {
        Digits(text[..4], time.Year);
        text[4] = '-';
        Digits(text[5..7], time.Month);
        text[7] = '-';
        Digits(text[8..10], time.Day);
        text[10] = 'T';
        Digits(text[11..13], time.Hour);
        text[13] = ':';
        Digits(text[14..16], time.Minute);
        text[16] = ':';
        Digits(text[17..19], time.Second);
        text[19] = '.';
        Digits(text[20..23], time.Millisecond);
        text[23] = 'Z';
    });

    private static void Digits(Span<char> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--, value /= 10)
            text[i] = (char)('0' + value % 10);
    }
}
