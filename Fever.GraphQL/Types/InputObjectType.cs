namespace Fever.GraphQL.Types;

/// <summary>An input object: named input fields, coerced into a dictionary of the fields given (defaults applied).</summary>
public sealed class InputObjectType(string name, string? description = null) : NamedType(name, description)
{
    private readonly Dictionary<string, InputValue> _fields = [];

    public override TypeKind Kind => TypeKind.InputObject;

    public IEnumerable<InputValue> Fields => _fields.Values;

    public InputValue? FindField(string name) => _fields.GetValueOrDefault(name);

    public InputObjectType Field(string name, GraphQLType type, string? description = null)
    {
        _fields.Add(name, new InputValue(name, type, description));
        return this;
    }
}
