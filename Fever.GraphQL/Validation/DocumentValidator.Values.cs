using Fever.GraphQL.Language;
using Fever.GraphQL.Types;

namespace Fever.GraphQL.Validation;

public sealed partial class DocumentValidator
{
    /// <summary>
    /// Values of correct type and unique input field names; records variable usages with the type expected where
    /// they stand (null where unknown) for "all variables defined/used" and "variables in allowed position".
    /// </summary>
    private void CheckValue(ValueNode value, GraphQLType? type, VariableUsages usages, bool hasLocationDefault = false)
    {
        if (value is VariableNode variable)
        {
            usages.Usages.Add(new VariableUsage(variable, type, hasLocationDefault));
            return;
        }
        if (value is ObjectValueNode literalObject)
        {
            var names = new Dictionary<string, ObjectFieldNode>();
            foreach (var field in literalObject.Fields)
            {
                if (!names.TryAdd(field.Name, field))
                    Report($"There can be only one input field named \"{field.Name}\".", names[field.Name].Location, field.Location);
            }
        }
        if (type is NonNullType nonNull)
        {
            if (value is NullValueNode)
                Report($"Expected value of type \"{type}\", found null.", value.Location);
            else
                CheckValue(value, nonNull.OfType, usages);
            return;
        }

        switch (value, type)
        {
            case (NullValueNode, _):
                return;
            case (ListValueNode list, ListType listType):
                foreach (var item in list.Items)
                    CheckValue(item, listType.OfType, usages);
                return;
            case (_, ListType listType):
                CheckValue(value, listType.OfType, usages);
                return;
            case (ListValueNode list, null):
                foreach (var item in list.Items)
                    CheckValue(item, null, usages);
                return;
            case (ObjectValueNode objectValue, InputObjectType inputType):
                foreach (var field in objectValue.Fields)
                {
                    var definition = inputType.FindField(field.Name);
                    if (definition is null)
                        Report($"Field \"{field.Name}\" is not defined by type \"{inputType.Name}\".", field.Location);
                    CheckValue(field.Value, definition?.Type, usages, definition?.DefaultValue is not null);
                }
                foreach (var definition in inputType.Fields)
                {
                    if (definition.IsRequired && objectValue.Fields.All(f => f.Name != definition.Name))
                        Report($"Field \"{inputType.Name}.{definition.Name}\" of required type \"{definition.Type}\" was not provided.", value.Location);
                }
                return;
            case (ObjectValueNode objectValue, null):
                foreach (var field in objectValue.Fields)
                    CheckValue(field.Value, null, usages);
                return;
            case (_, null):
                return;
            case (_, InputObjectType inputType):
                Report($"Expected value of type \"{inputType.Name}\", found {value}.", value.Location);
                return;
            case (ObjectValueNode or ListValueNode, _):
                Report($"Expected value of type \"{type}\", found {value}.", value.Location);
                foreach (var nested in Variables(value))
                    usages.Usages.Add(new VariableUsage(nested, null, false));
                return;
            case (EnumValueNode enumValue, EnumType enumType) when !enumType.TryParseLiteral(value, out _):
                Report($"Value \"{enumValue.Value}\" does not exist in \"{enumType.Name}\" enum.", value.Location);
                return;
            case (_, EnumType enumType) when value is not EnumValueNode:
                Report($"Enum \"{enumType.Name}\" cannot represent non-enum value: {value}.", value.Location);
                return;
            case (_, ScalarType scalar) when !scalar.TryParseLiteral(value, out _):
                Report($"{scalar.Name} cannot represent the value {value}: expected value of type \"{type}\".", value.Location);
                return;
        }
    }

    private static IEnumerable<VariableNode> Variables(ValueNode value) => value switch
    {
        VariableNode variable => [variable],
        ListValueNode list => list.Items.SelectMany(Variables),
        ObjectValueNode objectValue => objectValue.Fields.SelectMany(f => Variables(f.Value)),
        _ => [],
    };
}
