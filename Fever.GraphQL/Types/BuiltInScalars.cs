using System.Globalization;
using System.Text.Json;
using Fever.GraphQL.Language;

namespace Fever.GraphQL.Types;

/// <summary>The spec's five scalars, with graphql-js's coercion rules.</summary>
public static class BuiltInScalars
{
    public static readonly ScalarType Int = new IntType();
    public static readonly ScalarType Float = new FloatType();
    public static readonly ScalarType String = new StringType();
    public static readonly ScalarType Boolean = new BooleanType();
    public static readonly ScalarType ID = new IdType();

    public static readonly IReadOnlyList<ScalarType> All = [String, Int, Float, Boolean, ID];

    private sealed class IntType() : ScalarType("Int",
        "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.")
    {
        public override bool TryParseLiteral(ValueNode literal, out object? value)
        {
            value = null;
            if (literal is not IntValueNode node || !int.TryParse(node.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                return false;
            value = number;
            return true;
        }

        public override bool TryParseValue(JsonElement json, out object? value)
        {
            value = null;
            if (json.ValueKind != JsonValueKind.Number || !json.TryGetDouble(out var number) || number != Math.Floor(number)
                || number is < int.MinValue or > int.MaxValue)
                return false;
            value = (int)number;
            return true;
        }

        public override object Serialize(object value) => value switch
        {
            int => value,
            short or byte or sbyte or ushort => Convert.ToInt32(value, CultureInfo.InvariantCulture),
            long number when number is >= int.MinValue and <= int.MaxValue => (int)number,
            bool flag => flag ? 1 : 0,
            _ => throw CannotSerialize(value),
        };
    }

    private sealed class FloatType() : ScalarType("Float",
        "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).")
    {
        public override bool TryParseLiteral(ValueNode literal, out object? value)
        {
            value = null;
            var text = literal switch { IntValueNode i => i.Value, FloatValueNode f => f.Value, _ => null };
            if (text is null || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                return false;
            value = number;
            return true;
        }

        public override bool TryParseValue(JsonElement json, out object? value)
        {
            value = null;
            if (json.ValueKind != JsonValueKind.Number || !json.TryGetDouble(out var number) || !double.IsFinite(number))
                return false;
            value = number;
            return true;
        }

        public override object Serialize(object value) => value switch
        {
            double number when double.IsFinite(number) => value,
            float number when float.IsFinite(number) => (double)number,
            int or long or short or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ => throw CannotSerialize(value),
        };
    }

    private sealed class StringType() : ScalarType("String",
        "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.")
    {
        public override bool TryParseLiteral(ValueNode literal, out object? value)
        {
            value = (literal as StringValueNode)?.Value;
            return value is not null;
        }

        public override bool TryParseValue(JsonElement json, out object? value)
        {
            value = json.ValueKind == JsonValueKind.String ? json.GetString() : null;
            return value is not null;
        }

        public override object Serialize(object value) => value switch
        {
            string text => text,
            bool or int or long or double or decimal => Convert.ToString(value, CultureInfo.InvariantCulture)!.ToLowerInvariant(),
            _ => throw CannotSerialize(value),
        };
    }

    private sealed class BooleanType() : ScalarType("Boolean", "The `Boolean` scalar type represents `true` or `false`.")
    {
        public override bool TryParseLiteral(ValueNode literal, out object? value)
        {
            value = (literal as BooleanValueNode)?.Value;
            return value is not null;
        }

        public override bool TryParseValue(JsonElement json, out object? value)
        {
            value = json.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null };
            return value is not null;
        }

        public override object Serialize(object value) => value is bool ? value : throw CannotSerialize(value);
    }

    private sealed class IdType() : ScalarType("ID",
        "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.")
    {
        public override bool TryParseLiteral(ValueNode literal, out object? value)
        {
            value = literal switch { StringValueNode s => s.Value, IntValueNode i => i.Value, _ => null };
            return value is not null;
        }

        public override bool TryParseValue(JsonElement json, out object? value)
        {
            value = json.ValueKind switch
            {
                JsonValueKind.String => json.GetString(),
                JsonValueKind.Number when json.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            return value is not null;
        }

        public override object Serialize(object value) => value switch
        {
            string text => text,
            int or long or Guid => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            _ => throw CannotSerialize(value),
        };
    }
}
