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
        var names = path.Split('.');
        IEnumerable<SelectionSet> level = Nodes.Where(n => n.SelectionSet is not null).Select(n => n.SelectionSet!);
        for (var i = 0; i < names.Length; i++)
        {
            var matches = level.SelectMany(Flatten).Where(f => f.Name == names[i]).ToList();
            if (matches.Count == 0)
                return false;
            level = matches.Where(m => m.SelectionSet is not null).Select(m => m.SelectionSet!);
        }
        return true;
    }

    private IEnumerable<FieldSelection> Flatten(SelectionSet set) => set.Selections.SelectMany(selection => selection switch
    {
        FieldSelection field => [field],
        InlineFragment inline => Flatten(inline.SelectionSet),
        FragmentSpread spread when state.Fragments.TryGetValue(spread.Name, out var fragment) => Flatten(fragment.SelectionSet),
        _ => [],
    });

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();
        public object? GetService(Type serviceType) => null;
    }
}
