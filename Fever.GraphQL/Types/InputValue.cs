using Fever.GraphQL.Language;

namespace Fever.GraphQL.Types;

/// <summary>An argument of a field or directive, or a field of an input object.</summary>
public sealed class InputValue(string name, GraphQLType type, string? description = null, ValueNode? defaultValue = null)
{
    public string Name { get; } = name;
    public GraphQLType Type { get; } = type;
    public string? Description { get; } = description;

    /// <summary>The default as a literal: printed by introspection and SDL, coerced like any literal.</summary>
    public ValueNode? DefaultValue { get; } = defaultValue;

    /// <summary>Required: non-null and without a default.</summary>
    public bool IsRequired => Type.IsNonNull && DefaultValue is null;
}
