using Fever.GraphQL.Language;
using Fever.GraphQL.Types;

namespace Fever.GraphQL.Validation;

public sealed partial class DocumentValidator
{
    /// <summary>A field as it is selected: the type it is selected on (null if unknown) and its definition (null if unknown).</summary>
    private sealed record SelectedField(ObjectType? ParentType, FieldSelection Node, FieldDefinition? Definition);

    /// <summary>
    /// Overlapping fields can be merged (spec §5.3.2): fields of one response name, fragments expanded, must be the same
    /// field with the same arguments when their parents may be the same object, and must always have the same shape.
    /// </summary>
    /// <summary>Pairs under comparison: a fragment that spreads itself must not make the comparison endless.</summary>
    private readonly HashSet<(FieldSelection, FieldSelection)> _comparing = [];

    private void CheckOverlaps(SelectionSet selectionSet, ObjectType? parentType)
    {
        var fields = new Dictionary<string, List<SelectedField>>();
        Gather(selectionSet, parentType, fields, []);
        CheckFieldsCanMerge(fields);
    }

    private void CheckFieldsCanMerge(Dictionary<string, List<SelectedField>> fields)
    {
        foreach (var (responseName, group) in fields)
        {
            for (var i = 0; i < group.Count; i++)
            {
                for (var j = i + 1; j < group.Count; j++)
                {
                    if (Conflict(group[i], group[j], parentsMayBeSame: true) is { } reason)
                        Report($"Fields \"{responseName}\" conflict because {reason}. Use different aliases on the fields to fetch both if this was intentional.",
                            group[i].Node.Location, group[j].Node.Location);
                }
            }
        }
    }

    /// <summary>Why two fields of one response name cannot merge, or null if they can.</summary>
    private string? Conflict(SelectedField a, SelectedField b, bool parentsMayBeSame)
    {
        if (ReferenceEquals(a.Node, b.Node) || !_comparing.Add((a.Node, b.Node)))
            return null;
        try
        {
            return ConflictOf(a, b, parentsMayBeSame);
        }
        finally
        {
            _comparing.Remove((a.Node, b.Node));
        }
    }

    private string? ConflictOf(SelectedField a, SelectedField b, bool parentsMayBeSame)
    {
        var mayBeSame = parentsMayBeSame && (a.ParentType is null || b.ParentType is null || a.ParentType == b.ParentType);
        if (mayBeSame)
        {
            if (a.Node.Name != b.Node.Name)
                return $"\"{a.Node.Name}\" and \"{b.Node.Name}\" are different fields";
            if (!SameArguments(a.Node.Arguments, b.Node.Arguments))
                return "they have differing arguments";
        }
        if (a.Definition is { } left && b.Definition is { } right && !SameShape(left.Type, right.Type))
            return $"they return conflicting types \"{left.Type}\" and \"{right.Type}\"";

        if (a.Node.SelectionSet is null || b.Node.SelectionSet is null)
            return null;
        var subfields = new Dictionary<string, List<SelectedField>>();
        Gather(a.Node.SelectionSet, a.Definition?.Type.Unwrapped as ObjectType, subfields, []);
        var fromA = subfields.ToDictionary(p => p.Key, p => p.Value.Count);
        Gather(b.Node.SelectionSet, b.Definition?.Type.Unwrapped as ObjectType, subfields, []);
        foreach (var (name, group) in subfields)
        {
            var split = fromA.GetValueOrDefault(name);
            for (var i = 0; i < split; i++)
            {
                for (var j = split; j < group.Count; j++)
                {
                    if (Conflict(group[i], group[j], mayBeSame) is { } reason)
                        return $"subfields \"{name}\" conflict because {reason}";
                }
            }
        }
        return null;
    }

    /// <summary>Same response shape: the same nullability and list wrapping down to the same leaf type, or both composite.</summary>
    private static bool SameShape(GraphQLType a, GraphQLType b) => (a, b) switch
    {
        (NonNullType x, NonNullType y) => SameShape(x.OfType, y.OfType),
        (NonNullType, _) or (_, NonNullType) => false,
        (ListType x, ListType y) => SameShape(x.OfType, y.OfType),
        (ListType, _) or (_, ListType) => false,
        _ when a.IsLeaf || b.IsLeaf => ReferenceEquals(a, b),
        _ => true,
    };

    private static bool SameArguments(IReadOnlyList<Argument> a, IReadOnlyList<Argument> b) =>
        a.Count == b.Count && a.All(x => b.FirstOrDefault(y => y.Name == x.Name) is { } match && match.Value.ToString() == x.Value.ToString());

    /// <summary>The fields of a selection set by response name, inline fragments and fragment spreads expanded once each.</summary>
    private void Gather(SelectionSet selectionSet, ObjectType? parentType, Dictionary<string, List<SelectedField>> fields, HashSet<string> visited)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldSelection field:
                    if (!fields.TryGetValue(field.ResponseName, out var group))
                        fields.Add(field.ResponseName, group = []);
                    group.Add(new SelectedField(parentType, field, parentType?.FindField(field.Name)));
                    break;
                case InlineFragment inline:
                    var inlineType = inline.TypeCondition is { } condition ? _schema.FindType(condition.Name) as ObjectType : parentType;
                    Gather(inline.SelectionSet, inlineType, fields, visited);
                    break;
                case FragmentSpread spread:
                    if (visited.Add(spread.Name) && _fragments.TryGetValue(spread.Name, out var fragment))
                        Gather(fragment.SelectionSet, _schema.FindType(fragment.TypeCondition.Name) as ObjectType, fields, visited);
                    break;
            }
        }
    }
}
