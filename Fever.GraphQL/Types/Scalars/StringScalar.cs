using System.Text.Json;
using Fever.GraphQL.Language;

namespace Fever.GraphQL.Types.Scalars;

/// <summary>A scalar written as a string in both literals and JSON (UUID, DateTime, Date, LocalTime).</summary>
public abstract class StringScalar(string name, string? description, string? specifiedByUrl = null)
    : ScalarType(name, description, specifiedByUrl)
{
    protected abstract bool TryParse(string text, out object? value);

    public override bool TryParseLiteral(ValueNode literal, out object? value)
    {
        value = null;
        return literal is StringValueNode node && TryParse(node.Value, out value);
    }

    public override bool TryParseValue(JsonElement json, out object? value)
    {
        value = null;
        return json.ValueKind == JsonValueKind.String && TryParse(json.GetString()!, out value);
    }
}
