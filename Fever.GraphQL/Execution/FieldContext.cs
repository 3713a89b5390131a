using Fever.GraphQL.Language;
using Fever.GraphQL.Types;

namespace Fever.GraphQL.Execution;

/// <summary>What a resolver gets: its parent value, coerced arguments, the request's services and cancellation.</summary>
public sealed class FieldContext(
    ExecutionState state,
    ObjectType parentType,
    FieldDefinition field,
    IReadOnlyList<FieldSelection> nodes,
    object? parent,
    IReadOnlyDictionary<string, object?> arguments)
{
    public object? Parent { get; } = parent;
    public ObjectType ParentType { get; } = parentType;
    public FieldDefinition Field { get; } = field;
    public IReadOnlyList<FieldSelection> Nodes { get; } = nodes;
    public IReadOnlyDictionary<string, object?> Arguments { get; } = arguments;
    public Schema Schema => state.Schema;
    public IServiceProvider Services => state.Request.Services ?? EmptyServices.Instance;
    public IReadOnlyDictionary<string, object?> ContextData => state.Request.ContextData;

    /// <summary>
    /// Values every resolver of this operation shares, e.g. the one version of a read model all its fields read
    /// (HotChocolate's scoped context data). Fields run one after another, so no locking is needed.
    /// </summary>
    public IDictionary<string, object?> OperationData => state.OperationData;
    public CancellationToken CancellationToken => state.CancellationToken;

    public T? Argument<T>(string name) => Arguments.TryGetValue(name, out var value) && value is T typed ? typed : default;

    public bool HasArgument(string name) => Arguments.TryGetValue(name, out var value) && value is not null;

    /// <summary>
    /// Whether the selection under this field asks for <paramref name="path"/> (e.g. "totalCount" or "pageInfo.hasNextPage"),
    /// through fragments; a field skipped by a directive still counts (the answer only saves work).
    /// </summary>
    public bool Selects(string path)
    {
        foreach (var node in Nodes)
        {
            if (node.SelectionSet is { } selectionSet && Selects(selectionSet, path))
                return true;
        }
        return false;
    }

    private bool Selects(SelectionSet selectionSet, ReadOnlySpan<char> path)
    {
        var dot = path.IndexOf('.');
        var name = dot < 0 ? path : path[..dot];
        foreach (var selection in selectionSet.Selections)
        {
            var found = selection switch
            {
                FieldSelection field => name.SequenceEqual(field.Name)
                    && (dot < 0 || field.SelectionSet is { } inner && Selects(inner, path[(dot + 1)..])),
                InlineFragment inline => Selects(inline.SelectionSet, path),
                FragmentSpread spread => state.Fragments.TryGetValue(spread.Name, out var fragment) && Selects(fragment.SelectionSet, path),
                _ => false,
            };
            if (found)
                return true;
        }
        return false;
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();
        public object? GetService(Type serviceType) => null;
    }
}
