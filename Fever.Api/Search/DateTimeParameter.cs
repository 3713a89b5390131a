using Fever.Api.Http;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Fever.Api.Search;

/// <summary>
/// Parses a query parameter holding an ISO-8601 / RFC 3339 date-time into UTC ticks:
/// <c>yyyy-MM-ddTHH:mm[:ss[.fffffffff]]</c> followed by <c>Z</c>, an offset (<c>±HH:mm</c>, <c>±HHmm</c>, <c>±HH</c>)
/// or nothing (UTC). <c>t</c>/<c>z</c> and a space for <c>T</c> are accepted, as RFC 3339 allows, and so is a space
/// in place of the offset's <c>+</c>: that is what an unencoded <c>+02:00</c> becomes in a query string.
/// </summary>
public static class DateTimeParameter
{
    public const int MaxLength = 40;
    private const string Examples = "e.g. 2021-07-21T17:32:28Z, 2021-07-21T19:32:28+02:00 or 2021-07-21T17:32:28 (read as UTC)";

    public static bool TryParse(string name, string text, out long utcTicks, [NotNullWhen(false)] out ApiError? error)
    {
        utcTicks = 0;
        error = null;
        if (text.Length == 0)
        {
            error = ApiError.BadRequest(ErrorCodes.EmptyValue,
                $"{name} is empty: give an ISO-8601 date-time ({Examples}), or leave {name} out for no bound.");
            return false;
        }
        if (text.Length > MaxLength)
        {
            error = ApiError.BadRequest(ErrorCodes.ValueTooLong,
                $"{name} is {text.Length} characters long; an ISO-8601 date-time takes at most {MaxLength} ({Examples}).");
            return false;
        }

        if (!TryReadFields(text, out var fields))
        {
            error = ApiError.BadRequest(ErrorCodes.MalformedDateTime,
                $"{name} '{text}' is not an ISO-8601 date-time; expected {Examples}.");
            return false;
        }
        if (Impossibility(fields) is { } why)
        {
            error = ApiError.BadRequest(ErrorCodes.ImpossibleDateTime, $"{name} '{text}' does not exist: {why}.");
            return false;
        }

        var local = new DateTime(fields.Year, fields.Month, fields.Day, fields.Hour, fields.Minute, fields.Second).Ticks + fields.FractionTicks;
        utcTicks = local - fields.OffsetMinutes * TimeSpan.TicksPerMinute;
        return true;
    }

    private record struct Fields(int Year, int Month, int Day, int Hour, int Minute, int Second, long FractionTicks, int OffsetMinutes, int OffsetHours, int OffsetRestMinutes);

    private static bool TryReadFields(ReadOnlySpan<char> text, out Fields fields)
    {
        fields = default;
        var reader = new Reader(text);
        if (!reader.Digits(4, out var year) || !reader.Char('-') || !reader.Digits(2, out var month) || !reader.Char('-')
            || !reader.Digits(2, out var day) || !(reader.Char('T') || reader.Char('t') || reader.Char(' '))
            || !reader.Digits(2, out var hour) || !reader.Char(':') || !reader.Digits(2, out var minute))
            return false;

        var second = 0;
        var fractionTicks = 0L;
        if (reader.Char(':'))
        {
            if (!reader.Digits(2, out second))
                return false;
            if (reader.Char('.') || reader.Char(','))
            {
                var digits = 0;
                while (reader.Digit(out var digit))
                {
                    if (digits < 7)
                        fractionTicks = fractionTicks * 10 + digit;
                    digits++;
                }
                if (digits is 0 or > 9)
                    return false;
                for (var i = digits; i < 7; i++)
                    fractionTicks *= 10;
            }
        }

        int offsetHours = 0, offsetMinutes = 0;
        var sign = reader.Char('+') || reader.Char(' ') ? 1 : reader.Char('-') ? -1 : 0;
        if (sign != 0)
        {
            if (!reader.Digits(2, out offsetHours))
                return false;
            var colon = reader.Char(':');
            if ((colon || !reader.AtEnd) && !reader.Digits(2, out offsetMinutes))
                return false;
        }
        else if (!reader.Char('Z'))
        {
            reader.Char('z');
        }
        if (!reader.AtEnd)
            return false;

        fields = new Fields(year, month, day, hour, minute, second, fractionTicks,
            sign * (offsetHours * 60 + offsetMinutes), offsetHours, offsetMinutes);
        return true;
    }

    private static string? Impossibility(Fields fields)
    {
        if (fields.Year < 1)
            return "year 0000 is not a year";
        if (fields.Month is < 1 or > 12)
            return $"there is no month {fields.Month:00}";
        var days = DateTime.DaysInMonth(fields.Year, fields.Month);
        if (fields.Day < 1 || fields.Day > days)
            return $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(fields.Month)} {fields.Year} has {days} days";
        if (fields.Hour > 23)
            return "hours run from 00 to 23";
        if (fields.Minute > 59)
            return "minutes run from 00 to 59";
        if (fields.Second > 59)
            return "seconds run from 00 to 59";
        if (fields.OffsetHours > 14 || fields.OffsetRestMinutes > 59 || Math.Abs(fields.OffsetMinutes) > 14 * 60)
            return "UTC offsets run from -14:00 to +14:00";
        return null;
    }

    private ref struct Reader(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _position;

        public readonly bool AtEnd => _position == _text.Length;

        public bool Char(char expected)
        {
            if (AtEnd || _text[_position] != expected)
                return false;
            _position++;
            return true;
        }

        public bool Digit(out int value)
        {
            value = 0;
            if (AtEnd || !char.IsAsciiDigit(_text[_position]))
                return false;
            value = _text[_position++] - '0';
            return true;
        }

        public bool Digits(int count, out int value)
        {
            value = 0;
            for (var i = 0; i < count; i++)
            {
                if (!Digit(out var digit))
                    return false;
                value = value * 10 + digit;
            }
            return true;
        }
    }
}
