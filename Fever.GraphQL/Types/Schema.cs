using Fever.GraphQL.Introspection;

namespace Fever.GraphQL.Types;

/// <summary>
/// An executable schema: the root types and every named type reachable from them (in discovery order, which
/// introspection and the SDL follow), the built-in directives, and the introspection types and meta-fields.
/// </summary>
public sealed class Schema
{
    private readonly Dictionary<string, NamedType> _types = [];
    private readonly List<NamedType> _order = [];

    public Schema(ObjectType query, ObjectType? mutation = null, string? description = null)
    {
        Query = query;
        Mutation = mutation;
        Description = description;
        foreach (var scalar in BuiltInScalars.All)
            Add(scalar);
        Collect(query);
        if (mutation is not null)
            Collect(mutation);
        foreach (var directive in DirectiveDefinition.BuiltIn)
        {
            foreach (var argument in directive.Arguments)
                Collect(argument.Type.Unwrapped);
        }

        var introspection = new IntrospectionTypes(this);
        foreach (var type in introspection.All)
            Collect(type);
        query.Field(introspection.SchemaField).Field(introspection.TypeField);
        foreach (var objectType in _order.OfType<ObjectType>())
            objectType.Field(IntrospectionTypes.TypeNameField);
    }

    public ObjectType Query { get; }
    public ObjectType? Mutation { get; }
    public string? Description { get; }
    public IReadOnlyList<DirectiveDefinition> Directives => DirectiveDefinition.BuiltIn;

    /// <summary>All named types, built-in scalars and introspection types included, in discovery order.</summary>
    public IReadOnlyList<NamedType> Types => _order;

    public NamedType? FindType(string name) => _types.GetValueOrDefault(name);

    /// <summary>The type a document's type reference names, or null if its named type is unknown.</summary>
    public GraphQLType? TypeFrom(Language.TypeNode node) => node switch
    {
        Language.NamedTypeNode named => FindType(named.Name),
        Language.ListTypeNode list => TypeFrom(list.ItemType)?.List(),
        Language.NonNullTypeNode nonNull => TypeFrom(nonNull.Type)?.NonNull(),
        _ => null,
    };

    public DirectiveDefinition? FindDirective(string name) => Directives.FirstOrDefault(d => d.Name == name);

    public ObjectType? RootType(Language.OperationType operation) => operation switch
    {
        Language.OperationType.Query => Query,
        Language.OperationType.Mutation => Mutation,
        _ => null,
    };

    private void Add(NamedType type)
    {
        if (!Naming.IsValidName(type.Name))
            throw new InvalidOperationException($"'{type.Name}' is not a valid GraphQL name.");
        _types.Add(type.Name, type);
        _order.Add(type);
    }

    private void Collect(NamedType type)
    {
        if (_types.TryGetValue(type.Name, out var known))
        {
            if (!ReferenceEquals(known, type))
                throw new InvalidOperationException($"Two different types are named '{type.Name}'.");
            return;
        }
        Add(type);
        switch (type)
        {
            case ObjectType objectType:
                foreach (var field in objectType.Fields)
                {
                    Collect(field.Type.Unwrapped);
                    foreach (var argument in field.Arguments)
                        Collect(argument.Type.Unwrapped);
                }
                break;
            case InputObjectType inputType:
                foreach (var field in inputType.Fields)
                    Collect(field.Type.Unwrapped);
                break;
        }
    }
}
