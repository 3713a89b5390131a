namespace Fever.GraphQL.Execution;

/// <summary>
/// The outcome of a request. A request error (not parsed, not valid, bad variables, unknown operation) has no
/// <see cref="Data"/> entry at all; an executed operation has data, possibly null, and field errors.
/// </summary>
public sealed record ExecutionResult(ResultMap? Data, IReadOnlyList<GraphQLError> Errors, bool HasData)
{
    public static ExecutionResult RequestError(params GraphQLError[] errors) => new(null, errors, HasData: false);

    public static ExecutionResult RequestError(IReadOnlyList<GraphQLError> errors) => new(null, errors, HasData: false);

    /// <summary>Set when the operation was refused because it is a mutation sent over GET.</summary>
    public bool IsMutationNotAllowed { get; init; }
}
