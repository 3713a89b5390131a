using Fever.GraphQL.Execution;
using Fever.GraphQL.Language;
using Fever.GraphQL.Types;

namespace Fever.GraphQL.Validation;

/// <summary>
/// The safety limits checked on an operation with its fragments expanded: nesting depth and field count before
/// validation (so hostile documents never reach the costlier rules), and the estimated cost once it is valid.
/// </summary>
public static class OperationLimits
{
    /// <summary>Depth and field count of every operation; null if within <paramref name="options"/>.</summary>
    public static GraphQLError? CheckShape(Document document, ExecutionOptions options)
    {
        var fragments = new Dictionary<string, FragmentDefinition>();
        foreach (var fragment in document.Fragments)
            fragments.TryAdd(fragment.Name, fragment);
        foreach (var operation in document.Operations)
        {
            var fields = 0;
            if (Walk(operation.SelectionSet, 1, fragments, [], options, ref fields) is { } error)
                return error;
        }
        return null;
    }

    private static GraphQLError? Walk(SelectionSet selectionSet, int depth, Dictionary<string, FragmentDefinition> fragments,
        HashSet<string> spreading, ExecutionOptions options, ref int fields)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldSelection field:
                    if (++fields > options.MaxFields)
                        return GraphQLError.At($"The operation selects more than {options.MaxFields} fields (fragments expanded, aliases counted).",
                            ErrorCodes.MaxFieldsExceeded, field.Location);
                    if (field.SelectionSet is null)
                        continue;
                    if (depth + 1 > options.MaxDepth)
                        return GraphQLError.At($"The operation nests fields deeper than {options.MaxDepth} levels.", ErrorCodes.MaxDepthExceeded, field.Location);
                    if (Walk(field.SelectionSet, depth + 1, fragments, spreading, options, ref fields) is { } nested)
                        return nested;
                    break;
                case InlineFragment inline:
                    if (Walk(inline.SelectionSet, depth, fragments, spreading, options, ref fields) is { } inInline)
                        return inInline;
                    break;
                case FragmentSpread spread:
                    if (!fragments.TryGetValue(spread.Name, out var fragment) || !spreading.Add(spread.Name))
                        continue;
                    var inFragment = Walk(fragment.SelectionSet, depth, fragments, spreading, options, ref fields);
                    spreading.Remove(spread.Name);
                    if (inFragment is not null)
                        return inFragment;
                    break;
            }
        }
        return null;
    }

    /// <summary>
    /// The estimated cost of a valid operation: 1 per field, and for a paged field 1 plus its page size (<c>first</c>
    /// or <c>last</c>, else <paramref name="defaultPageSize"/>) times the cost of what it selects.
    /// </summary>
    public static long Cost(ObjectType type, SelectionSet selectionSet, IReadOnlyDictionary<string, FragmentDefinition> fragments,
        IReadOnlyDictionary<string, object?> variables, int defaultPageSize, int maxPageSize)
    {
        long cost = 0;
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldSelection field:
                    var definition = type.FindField(field.Name);
                    long inner = 0;
                    if (field.SelectionSet is not null && definition?.Type.Unwrapped is ObjectType innerType)
                        inner = Cost(innerType, field.SelectionSet, fragments, variables, defaultPageSize, maxPageSize);
                    var size = definition?.IsPaged == true ? PageSize(field, variables, defaultPageSize, maxPageSize) : 1;
                    cost += 1 + size * inner;
                    break;
                case InlineFragment inline:
                    cost += Cost(type, inline.SelectionSet, fragments, variables, defaultPageSize, maxPageSize);
                    break;
                case FragmentSpread spread when fragments.TryGetValue(spread.Name, out var fragment):
                    cost += Cost(type, fragment.SelectionSet, fragments, variables, defaultPageSize, maxPageSize);
                    break;
            }
        }
        return cost;
    }

    private static long PageSize(FieldSelection field, IReadOnlyDictionary<string, object?> variables, int defaultPageSize, int maxPageSize)
    {
        foreach (var argument in field.Arguments)
        {
            if (argument.Name is not ("first" or "last"))
                continue;
            if (InputCoercion.TryCoerceLiteral(argument.Value, BuiltInScalars.Int, variables, out var value) && value is int size)
                return Math.Clamp(size, 0, maxPageSize);
        }
        return defaultPageSize;
    }
}
