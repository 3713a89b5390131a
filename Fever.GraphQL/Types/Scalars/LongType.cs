using System.Globalization;
using System.Text.Json;
using Fever.GraphQL.Language;

namespace Fever.GraphQL.Types.Scalars;

/// <summary>HotChocolate's <c>Long</c>: a signed 64-bit integer, written as a JSON number.</summary>
public sealed class LongType() : ScalarType("Long", "The `Long` scalar type represents non-fractional signed whole 64-bit numeric values. Long can represent values between -(2^63) and 2^63 - 1.")
{
    public override bool TryParseLiteral(ValueNode literal, out object? value)
    {
        value = null;
        if (literal is not IntValueNode node || !long.TryParse(node.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return false;
        value = number;
        return true;
    }

    public override bool TryParseValue(JsonElement json, out object? value)
    {
        value = null;
        if (json.ValueKind != JsonValueKind.Number || !json.TryGetInt64(out var number))
            return false;
        value = number;
        return true;
    }

    public override object Serialize(object value) => value switch
    {
        long => value,
        int number => (long)number,
        _ => throw CannotSerialize(value),
    };
}
