namespace Fever.GraphQL.Types;

/// <summary>An object type: ordered fields, each with arguments and a resolver.</summary>
public sealed class ObjectType(string name, string? description = null) : NamedType(name, description)
{
    private readonly Dictionary<string, FieldDefinition> _fields = [];

    public override TypeKind Kind => TypeKind.Object;

    public IEnumerable<FieldDefinition> Fields => _fields.Values.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal));

    /// <summary>A field by name, including <c>__typename</c> (and <c>__schema</c>/<c>__type</c> on the query type).</summary>
    public FieldDefinition? FindField(string name) => _fields.GetValueOrDefault(name);

    public ObjectType Field(FieldDefinition field)
    {
        _fields.Add(field.Name, field);
        return this;
    }

    public ObjectType Field(string name, GraphQLType type, FieldResolver resolve, string? description = null, IReadOnlyList<InputValue>? arguments = null) =>
        Field(new FieldDefinition(name, type, resolve, description, arguments));

    /// <summary>A field read synchronously from the parent object (a pure resolver).</summary>
    public ObjectType Field<TParent>(string name, GraphQLType type, Func<TParent, object?> read, string? description = null) =>
        Field(new FieldDefinition(name, type, context => new ValueTask<object?>(read((TParent)context.Parent!)), description)
        {
            Read = parent => read((TParent)parent!),
        });
}
