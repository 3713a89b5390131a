using Fever.GraphQL.Language;
using Fever.GraphQL.Types;

namespace Fever.GraphQL.Validation;

/// <summary>A variable used where a value of <see cref="ExpectedType"/> (if known) goes; <see cref="HasLocationDefault"/> if that position has a default.</summary>
public sealed record VariableUsage(VariableNode Node, GraphQLType? ExpectedType, bool HasLocationDefault);

/// <summary>The variables an operation or fragment uses directly, and the fragments it spreads.</summary>
public sealed class VariableUsages
{
    public List<VariableUsage> Usages { get; } = [];
    public HashSet<string> Spreads { get; } = [];
}
