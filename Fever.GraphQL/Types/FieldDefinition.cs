namespace Fever.GraphQL.Types;

/// <summary>Produces a field's value; synchronous resolvers return a completed <see cref="ValueTask{T}"/>.</summary>
public delegate ValueTask<object?> FieldResolver(Execution.FieldContext context);

/// <summary>A field of an object type.</summary>
public sealed class FieldDefinition(string name, GraphQLType type, FieldResolver resolve, string? description = null,
    IReadOnlyList<InputValue>? arguments = null, string? deprecationReason = null)
{
    public string Name { get; } = name;
    public GraphQLType Type { get; } = type;
    public FieldResolver Resolve { get; } = resolve;
    public string? Description { get; } = description;
    public IReadOnlyList<InputValue> Arguments { get; } = arguments ?? [];
    public string? DeprecationReason { get; } = deprecationReason;

    /// <summary>
    /// Reads the field's value from its parent, synchronously, without arguments or services (HotChocolate's pure
    /// resolvers): the executor then calls it directly, with no <see cref="Execution.FieldContext"/> to make.
    /// </summary>
    public Func<object?, object?>? Read { get; init; }

    /// <summary>Whether the field returns a page whose size (its <c>first</c>/<c>last</c>) multiplies the cost of what is selected under it.</summary>
    public bool IsPaged { get; init; }

    public InputValue? FindArgument(string name)
    {
        foreach (var argument in Arguments)
        {
            if (argument.Name == name)
                return argument;
        }
        return null;
    }
}
