using Fever.GraphQL.Execution;
using Fever.GraphQL.Language;
using Fever.GraphQL.Types;

namespace Fever.GraphQL.Validation;

/// <summary>
/// The validation rules of spec §5 that apply to a server of queries and mutations, with graphql-js's verdicts.
/// One walk over each operation and fragment checks the rules that need the types in scope; the rules about
/// the document as a whole (names, fragments, variables) are checked around it. Every error is reported.
/// </summary>
public sealed partial class DocumentValidator
{
    private readonly Schema _schema;
    private readonly Document _document;
    private readonly Dictionary<string, FragmentDefinition> _fragments = [];
    private readonly List<GraphQLError> _errors = [];
    private readonly HashSet<string> _messages = [];
    private readonly Dictionary<FragmentDefinition, VariableUsages> _fragmentUsages = [];

    private DocumentValidator(Schema schema, Document document)
    {
        _schema = schema;
        _document = document;
    }

    public static IReadOnlyList<GraphQLError> Validate(Schema schema, Document document)
    {
        var validator = new DocumentValidator(schema, document);
        validator.Run();
        return validator._errors;
    }

    private void Run()
    {
        CheckDefinitions();
        foreach (var fragment in _fragments.Values)
            CheckFragmentDefinition(fragment);
        foreach (var operation in _document.Operations)
            CheckOperation(operation);
        CheckFragmentUse();
    }

    private void Report(string message, params Location[] locations)
    {
        if (_messages.Add(message + string.Join(',', locations)))
            _errors.Add(new GraphQLError(message, ErrorCodes.ValidationFailed, locations));
    }

    /// <summary>Executable definitions, unique operation names, lone anonymous operation, unique fragment names.</summary>
    private void CheckDefinitions()
    {
        var operationNames = new Dictionary<string, Location>();
        var operationCount = _document.Operations.Count();
        foreach (var definition in _document.Definitions)
        {
            switch (definition)
            {
                case TypeSystemDefinition typeSystem:
                    Report($"The \"{typeSystem.Kind}\" definition is not executable.", typeSystem.Location);
                    break;
                case OperationDefinition { Name: null } anonymous when operationCount > 1:
                    Report("This anonymous operation must be the only defined operation.", anonymous.Location);
                    break;
                case OperationDefinition { Name: { } name } operation:
                    if (!operationNames.TryAdd(name, operation.Location))
                        Report($"There can be only one operation named \"{name}\".", operationNames[name], operation.Location);
                    break;
                case FragmentDefinition fragment:
                    if (!_fragments.TryAdd(fragment.Name, fragment))
                        Report($"There can be only one fragment named \"{fragment.Name}\".", _fragments[fragment.Name].Location, fragment.Location);
                    break;
            }
        }
    }

    private void CheckOperation(OperationDefinition operation)
    {
        var usages = new VariableUsages();
        CheckVariableDefinitions(operation);
        CheckDirectives(operation.Directives, OperationLocation(operation.Operation), usages);
        var rootType = _schema.RootType(operation.Operation);
        // Operation type existence: not in the October 2021 spec (nor graphql-js 16), but in the current draft.
        if (rootType is null)
            Report($"The schema does not support {operation.Operation.ToString().ToLowerInvariant()} operations.", operation.Location);
        CheckSelectionSet(operation.SelectionSet, rootType, usages);
        CheckVariableUse(operation, usages);
    }

    private static string OperationLocation(OperationType operation) => operation switch
    {
        OperationType.Query => "QUERY",
        OperationType.Mutation => "MUTATION",
        _ => "SUBSCRIPTION",
    };

    private void CheckFragmentDefinition(FragmentDefinition fragment)
    {
        var usages = _fragmentUsages[fragment] = new VariableUsages();
        var type = CheckTypeCondition(fragment.TypeCondition, $"Fragment \"{fragment.Name}\"");
        CheckDirectives(fragment.Directives, "FRAGMENT_DEFINITION", usages);
        CheckSelectionSet(fragment.SelectionSet, type as ObjectType, usages);
    }

    /// <summary>Known type names and fragments on composite types; the object type, if it is one.</summary>
    private NamedType? CheckTypeCondition(NamedTypeNode condition, string what)
    {
        var type = _schema.FindType(condition.Name);
        if (type is null)
            Report($"Unknown type \"{condition.Name}\".", condition.Location);
        else if (type is not ObjectType)
            Report($"{what} cannot condition on non composite type \"{condition.Name}\".", condition.Location);
        return type;
    }

    /// <summary>Known fragment names (checked at the spread), no unused fragments, no fragment cycles.</summary>
    private void CheckFragmentUse()
    {
        var used = new HashSet<string>();
        foreach (var operation in _document.Operations)
            MarkUsed(operation.SelectionSet, used);
        foreach (var fragment in _document.Fragments)
        {
            if (!used.Contains(fragment.Name))
                Report($"Fragment \"{fragment.Name}\" is never used.", fragment.Location);
        }

        var state = new Dictionary<string, bool>();
        foreach (var fragment in _fragments.Values)
            FindCycles(fragment, state, []);
    }

    private void MarkUsed(SelectionSet selectionSet, HashSet<string> used)
    {
        foreach (var spread in Spreads(selectionSet))
        {
            if (used.Add(spread.Name) && _fragments.TryGetValue(spread.Name, out var fragment))
                MarkUsed(fragment.SelectionSet, used);
        }
    }

    /// <summary>Depth-first search; <paramref name="done"/>: true once a fragment is fully explored.</summary>
    private void FindCycles(FragmentDefinition fragment, Dictionary<string, bool> done, List<FragmentSpread> path)
    {
        if (done.ContainsKey(fragment.Name))
            return;
        done[fragment.Name] = false;
        foreach (var spread in Spreads(fragment.SelectionSet))
        {
            if (!_fragments.TryGetValue(spread.Name, out var target))
                continue;
            var cycleStart = path.FindIndex(p => p.Name == spread.Name);
            if (spread.Name == fragment.Name || (done.TryGetValue(spread.Name, out var finished) && !finished))
            {
                var via = path.SkipWhile(p => p.Name != spread.Name).Skip(1).Select(p => $"\"{p.Name}\"").ToList();
                Report($"Cannot spread fragment \"{spread.Name}\" within itself" + (via.Count > 0 ? $" via {string.Join(", ", via)}." : "."),
                    [.. path.Skip(Math.Max(0, cycleStart)).Select(p => p.Location), spread.Location]);
                continue;
            }
            path.Add(spread);
            FindCycles(target, done, path);
            path.RemoveAt(path.Count - 1);
        }
        done[fragment.Name] = true;
    }

    private static IEnumerable<FragmentSpread> Spreads(SelectionSet selectionSet)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FragmentSpread spread:
                    yield return spread;
                    break;
                case FieldSelection { SelectionSet: { } inner }:
                    foreach (var nested in Spreads(inner))
                        yield return nested;
                    break;
                case InlineFragment inline:
                    foreach (var nested in Spreads(inline.SelectionSet))
                        yield return nested;
                    break;
            }
        }
    }
}
