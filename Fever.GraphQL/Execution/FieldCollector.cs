using Fever.GraphQL.Language;
using Fever.GraphQL.Types;

namespace Fever.GraphQL.Execution;

/// <summary>The spec's CollectFields: the fields of a selection set by response name, fragments and @skip/@include applied.</summary>
public static class FieldCollector
{
    public static Dictionary<string, List<FieldSelection>> Collect(ExecutionState state, ObjectType type, IEnumerable<SelectionSet> selectionSets)
    {
        var fields = new Dictionary<string, List<FieldSelection>>();
        var visited = new HashSet<string>();
        foreach (var selectionSet in selectionSets)
            Collect(state, type, selectionSet, fields, visited);
        return fields;
    }

    private static void Collect(ExecutionState state, ObjectType type, SelectionSet selectionSet,
        Dictionary<string, List<FieldSelection>> fields, HashSet<string> visited)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (!IsIncluded(state, selection.Directives))
                continue;
            switch (selection)
            {
                case FieldSelection field:
                    if (!fields.TryGetValue(field.ResponseName, out var list))
                        fields.Add(field.ResponseName, list = []);
                    list.Add(field);
                    break;
                case FragmentSpread spread:
                    if (!visited.Add(spread.Name) || !state.Fragments.TryGetValue(spread.Name, out var fragment)
                        || fragment.TypeCondition.Name != type.Name)
                        continue;
                    Collect(state, type, fragment.SelectionSet, fields, visited);
                    break;
                case InlineFragment inline:
                    if (inline.TypeCondition is { } condition && condition.Name != type.Name)
                        continue;
                    Collect(state, type, inline.SelectionSet, fields, visited);
                    break;
            }
        }
    }

    private static bool IsIncluded(ExecutionState state, IReadOnlyList<Directive> directives)
    {
        foreach (var directive in directives)
        {
            if (directive.Name is not ("skip" or "include"))
                continue;
            var condition = directive.Arguments.FirstOrDefault(a => a.Name == "if")?.Value;
            var value = condition is not null
                && InputCoercion.TryCoerceLiteral(condition, BuiltInScalars.Boolean.NonNull(), state.Variables, out var coerced)
                && coerced is true;
            if (directive.Name == "skip" ? value : !value)
                return false;
        }
        return true;
    }
}
