using Fever.GraphQL.Language;
using Fever.GraphQL.Types;

namespace Fever.GraphQL.Execution;

/// <summary>The state of one operation's execution: its inputs and the errors gathered so far.</summary>
public sealed class ExecutionState(
    Schema schema,
    ExecutionRequest request,
    IReadOnlyDictionary<string, FragmentDefinition> fragments,
    IReadOnlyDictionary<string, object?> variables,
    CancellationToken cancellationToken)
{
    public Schema Schema { get; } = schema;
    public ExecutionRequest Request { get; } = request;
    public IReadOnlyDictionary<string, FragmentDefinition> Fragments { get; } = fragments;
    public IReadOnlyDictionary<string, object?> Variables { get; } = variables;
    public CancellationToken CancellationToken { get; } = cancellationToken;
    public List<GraphQLError> Errors { get; } = [];

    /// <summary>Values the resolvers of this operation share (HotChocolate's scoped context data); made on first use.</summary>
    public Dictionary<string, object?> OperationData => field ??= [];

    /// <summary>
    /// The collected fields of a selection on a type: every item of a list shares its field's nodes, so a page of
    /// events collects its fields once, not once per event.
    /// </summary>
    public Dictionary<(ObjectType, object), CollectedField[]> CollectedFields { get; } = [];
}
