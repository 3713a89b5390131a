using Fever.GraphQL.Language;
using Fever.GraphQL.Types;

namespace Fever.GraphQL.Validation;

public sealed partial class DocumentValidator
{
    /// <summary>Unique variable names, known types that are input types, valid default values.</summary>
    private void CheckVariableDefinitions(OperationDefinition operation)
    {
        var seen = new Dictionary<string, VariableDefinition>();
        foreach (var definition in operation.Variables)
        {
            if (!seen.TryAdd(definition.Name, definition))
                Report($"There can be only one variable named \"${definition.Name}\".", seen[definition.Name].Location, definition.Location);
            var type = _schema.TypeFrom(definition.Type);
            if (type is null)
                Report($"Unknown type \"{definition.Type.NamedTypeName()}\".", definition.Type.Location);
            else if (!type.IsInputType)
                Report($"Variable \"${definition.Name}\" cannot be non-input type \"{definition.Type}\".", definition.Type.Location);
            CheckDirectives(definition.Directives, "VARIABLE_DEFINITION", new VariableUsages());
            if (definition.DefaultValue is not null)
                CheckValue(definition.DefaultValue, type is { IsInputType: true } ? type : null, new VariableUsages());
        }
    }

    /// <summary>All variables used are defined, all defined are used, and each is used where its type is allowed.</summary>
    private void CheckVariableUse(OperationDefinition operation, VariableUsages direct)
    {
        var usages = new List<VariableUsage>(direct.Usages);
        var visited = new HashSet<string>();
        var pending = new Queue<string>(direct.Spreads);
        while (pending.TryDequeue(out var name))
        {
            if (!visited.Add(name) || !_fragments.TryGetValue(name, out var fragment))
                continue;
            var fragmentUsages = _fragmentUsages[fragment];
            usages.AddRange(fragmentUsages.Usages);
            foreach (var spread in fragmentUsages.Spreads)
                pending.Enqueue(spread);
        }

        var definitions = new Dictionary<string, VariableDefinition>();
        foreach (var definition in operation.Variables)
            definitions.TryAdd(definition.Name, definition);

        foreach (var usage in usages)
        {
            if (!definitions.TryGetValue(usage.Node.Name, out var definition))
            {
                Report(operation.Name is null
                    ? $"Variable \"${usage.Node.Name}\" is not defined."
                    : $"Variable \"${usage.Node.Name}\" is not defined by operation \"{operation.Name}\".", usage.Node.Location, operation.Location);
                continue;
            }
            if (usage.ExpectedType is null || _schema.TypeFrom(definition.Type) is not { IsInputType: true } variableType)
                continue;
            if (!IsAllowed(variableType, definition.DefaultValue, usage.ExpectedType, usage.HasLocationDefault))
                Report($"Variable \"${usage.Node.Name}\" of type \"{variableType}\" used in position expecting type \"{usage.ExpectedType}\".",
                    definition.Location, usage.Node.Location);
        }

        var used = usages.Select(u => u.Node.Name).ToHashSet();
        foreach (var definition in operation.Variables)
        {
            if (!used.Contains(definition.Name))
                Report(operation.Name is null
                    ? $"Variable \"${definition.Name}\" is never used."
                    : $"Variable \"${definition.Name}\" is never used in operation \"{operation.Name}\".", definition.Location);
        }
    }

    private static bool IsAllowed(GraphQLType variableType, ValueNode? variableDefault, GraphQLType locationType, bool hasLocationDefault)
    {
        if (locationType is NonNullType nonNullLocation && variableType is not NonNullType)
        {
            var hasDefault = variableDefault is not null and not NullValueNode;
            return (hasDefault || hasLocationDefault) && IsSubType(variableType, nonNullLocation.OfType);
        }
        return IsSubType(variableType, locationType);
    }

    private static bool IsSubType(GraphQLType type, GraphQLType superType) => (type, superType) switch
    {
        (_, NonNullType super) => type is NonNullType sub && IsSubType(sub.OfType, super.OfType),
        (NonNullType sub, _) => IsSubType(sub.OfType, superType),
        (_, ListType super) => type is ListType sub && IsSubType(sub.OfType, super.OfType),
        (ListType, _) => false,
        _ => ReferenceEquals(type, superType),
    };
}
