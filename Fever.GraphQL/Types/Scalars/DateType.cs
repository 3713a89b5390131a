using System.Globalization;

namespace Fever.GraphQL.Types.Scalars;

/// <summary>HotChocolate's <c>Date</c>: a calendar date, <c>yyyy-MM-dd</c>.</summary>
public sealed class DateType() : StringScalar("Date", "The `Date` scalar represents an ISO-8601 compliant date type.")
{
    protected override bool TryParse(string text, out object? value)
    {
        value = null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return false;
        value = date;
        return true;
    }

    public override object Serialize(object value) => value switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw CannotSerialize(value),
    };
}
