using System.Text.Json;
using Fever.GraphQL.Language;

namespace Fever.GraphQL.Types;

public sealed record EnumValue(string Name, object Value, string? Description = null, string? DeprecationReason = null);

/// <summary>An enum: names in documents and JSON, CLR values to resolvers.</summary>
public sealed class EnumType : NamedType
{
    private readonly Dictionary<string, EnumValue> _byName;
    private readonly Dictionary<object, EnumValue> _byValue;

    public EnumType(string name, string? description, IEnumerable<EnumValue> values) : base(name, description)
    {
        Values = values.ToList();
        _byName = Values.ToDictionary(v => v.Name);
        _byValue = Values.ToDictionary(v => v.Value);
    }

    /// <summary>An enum of a CLR enum's members, named in SCREAMING_CASE as HotChocolate names them.</summary>
    public static EnumType From<TEnum>(string name, string? description = null) where TEnum : struct, Enum =>
        new(name, description, Enum.GetValues<TEnum>().Select(v => new EnumValue(Naming.ScreamingCase(v.ToString()), v)));

    public override TypeKind Kind => TypeKind.Enum;

    public IReadOnlyList<EnumValue> Values { get; }

    public bool TryParseLiteral(ValueNode literal, out object? value)
    {
        value = null;
        if (literal is not EnumValueNode node || !_byName.TryGetValue(node.Value, out var enumValue))
            return false;
        value = enumValue.Value;
        return true;
    }

    public bool TryParseValue(JsonElement json, out object? value)
    {
        value = null;
        if (json.ValueKind != JsonValueKind.String || !_byName.TryGetValue(json.GetString()!, out var enumValue))
            return false;
        value = enumValue.Value;
        return true;
    }

    public string Serialize(object value) => _byValue.TryGetValue(value, out var enumValue)
        ? enumValue.Name
        : throw new GraphQLException($"Enum \"{Name}\" cannot represent value: {value}.", ErrorCodes.InternalError);
}
