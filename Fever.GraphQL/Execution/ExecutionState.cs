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
}
