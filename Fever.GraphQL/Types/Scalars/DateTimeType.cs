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
        DateTimeOffset instant => instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture),
        DateTime time when time.Kind == DateTimeKind.Local => time.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture),
        DateTime time => time.ToString(Format, CultureInfo.InvariantCulture),
        _ => throw CannotSerialize(value),
    };
}
