using System.Globalization;
using System.Text.Json;
using Fever.GraphQL.Language;

namespace Fever.GraphQL.Types.Scalars;

/// <summary>HotChocolate's <c>Decimal</c>: an exact decimal number, written as a JSON number (prices).</summary>
public sealed class DecimalType() : ScalarType("Decimal", "The built-in `Decimal` scalar type.")
{
    public override bool TryParseLiteral(ValueNode literal, out object? value)
    {
        value = null;
        var text = literal switch { IntValueNode i => i.Value, FloatValueNode f => f.Value, _ => null };
        if (text is null || !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return false;
        value = number;
        return true;
    }

    public override bool TryParseValue(JsonElement json, out object? value)
    {
        value = null;
        if (json.ValueKind != JsonValueKind.Number || !json.TryGetDecimal(out var number))
            return false;
        value = number;
        return true;
    }

    public override object Serialize(object value) => value switch
    {
        decimal => value,
        int or long => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        _ => throw CannotSerialize(value),
    };
}
