using System.Globalization;

namespace Fever.GraphQL.Types.Scalars;

/// <summary>HotChocolate's <c>LocalTime</c>: a time of day without a date or offset, <c>HH:mm:ss</c>.</summary>
public sealed class LocalTimeType() : StringScalar("LocalTime", "The LocalTime scalar type is a local time string (i.e., with no associated timezone) in 24-hr HH:mm:ss.")
{
    protected override bool TryParse(string text, out object? value)
    {
        value = null;
        if (!TimeOnly.TryParseExact(text, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return false;
        value = time;
        return true;
    }

    public override object Serialize(object value) => value switch
    {
        TimeOnly time => time.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        TimeSpan span when span >= TimeSpan.Zero && span < TimeSpan.FromDays(1) => TimeOnly.FromTimeSpan(span).ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        _ => throw CannotSerialize(value),
    };
}
