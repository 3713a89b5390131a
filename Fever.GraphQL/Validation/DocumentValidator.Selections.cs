using Fever.GraphQL.Language;
using Fever.GraphQL.Types;

namespace Fever.GraphQL.Validation;

public sealed partial class DocumentValidator
{
    /// <summary>
    /// Fields on correct type, scalar leafs, arguments (known, unique, required, of the correct type), directives,
    /// possible fragment spreads, known fragment names, and overlapping fields; <paramref name="parentType"/> is null
    /// where the type is unknown (then only the rules that need no type apply).
    /// </summary>
    private void CheckSelectionSet(SelectionSet selectionSet, ObjectType? parentType, VariableUsages usages)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldSelection field:
                    CheckField(field, parentType, usages);
                    break;
                case InlineFragment inline:
                    CheckDirectives(inline.Directives, "INLINE_FRAGMENT", usages);
                    var type = inline.TypeCondition is { } condition
                        ? CheckTypeCondition(condition, "Fragment") as ObjectType
                        : parentType;
                    if (type is not null && parentType is not null && type != parentType)
                        Report($"Fragment cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{type.Name}\".", inline.Location);
                    CheckSelectionSet(inline.SelectionSet, type, usages);
                    break;
                case FragmentSpread spread:
                    CheckDirectives(spread.Directives, "FRAGMENT_SPREAD", usages);
                    usages.Spreads.Add(spread.Name);
                    if (!_fragments.TryGetValue(spread.Name, out var fragment))
                        Report($"Unknown fragment \"{spread.Name}\".", spread.Location);
                    else if (_schema.FindType(fragment.TypeCondition.Name) is ObjectType fragmentType && parentType is not null && fragmentType != parentType)
                        Report($"Fragment \"{spread.Name}\" cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".", spread.Location);
                    break;
            }
        }
        CheckOverlaps(selectionSet, parentType);
    }

    private void CheckField(FieldSelection field, ObjectType? parentType, VariableUsages usages)
    {
        CheckDirectives(field.Directives, "FIELD", usages);
        var definition = parentType?.FindField(field.Name);
        if (parentType is not null && definition is null)
            Report($"Cannot query field \"{field.Name}\" on type \"{parentType.Name}\".", field.Location);

        CheckArguments(field.Arguments, definition?.Arguments, usages,
            name => $"Unknown argument \"{name}\" on field \"{parentType?.Name}.{field.Name}\".",
            argument => $"Field \"{field.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.",
            field.Location);

        if (definition is null)
        {
            if (field.SelectionSet is not null)
                CheckSelectionSet(field.SelectionSet, null, usages);
            return;
        }
        var namedType = definition.Type.Unwrapped;
        if (namedType is ObjectType objectType)
        {
            if (field.SelectionSet is null)
                Report($"Field \"{field.Name}\" of type \"{definition.Type}\" must have a selection of subfields. Did you mean \"{field.Name} {{ ... }}\"?", field.Location);
            else
                CheckSelectionSet(field.SelectionSet, objectType, usages);
        }
        else if (field.SelectionSet is not null)
        {
            Report($"Field \"{field.Name}\" must not have a selection since type \"{definition.Type}\" has no subfields.", field.SelectionSet.Location);
            CheckSelectionSet(field.SelectionSet, null, usages);
        }
    }

    /// <summary>Known directives, in valid locations, unique per location, with valid arguments.</summary>
    private void CheckDirectives(IReadOnlyList<Directive> directives, string location, VariableUsages usages)
    {
        var seen = new Dictionary<string, Directive>();
        foreach (var directive in directives)
        {
            var definition = _schema.FindDirective(directive.Name);
            if (definition is null)
                Report($"Unknown directive \"@{directive.Name}\".", directive.Location);
            else
            {
                if (!definition.Locations.Contains(location))
                    Report($"Directive \"@{directive.Name}\" may not be used on {location}.", directive.Location);
                if (!definition.IsRepeatable && !seen.TryAdd(directive.Name, directive))
                    Report($"The directive \"@{directive.Name}\" can only be used once at this location.", seen[directive.Name].Location, directive.Location);
            }
            CheckArguments(directive.Arguments, definition?.Arguments, usages,
                name => $"Unknown argument \"{name}\" on directive \"@{directive.Name}\".",
                argument => $"Directive \"@{directive.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.",
                directive.Location);
        }
    }

    private void CheckArguments(IReadOnlyList<Argument> arguments, IReadOnlyList<InputValue>? definitions, VariableUsages usages,
        Func<string, string> unknown, Func<InputValue, string> missing, Location location)
    {
        var seen = new Dictionary<string, Argument>();
        foreach (var argument in arguments)
        {
            if (!seen.TryAdd(argument.Name, argument))
                Report($"There can be only one argument named \"{argument.Name}\".", seen[argument.Name].Location, argument.Location);
            var definition = definitions?.FirstOrDefault(d => d.Name == argument.Name);
            if (definitions is not null && definition is null)
                Report(unknown(argument.Name), argument.Location);
            CheckValue(argument.Value, definition?.Type, usages, definition?.DefaultValue is not null);
        }
        if (definitions is null)
            return;
        foreach (var definition in definitions)
        {
            if (definition.IsRequired && !seen.ContainsKey(definition.Name))
                Report(missing(definition), location);
        }
    }
}
