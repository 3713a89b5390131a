using System.Text.Json;
using Fever.GraphQL.Language;
using Fever.GraphQL.Types;

namespace Fever.GraphQL.Execution;

/// <summary>The spec's input coercion: literals (with variables) and JSON variable values into CLR values.</summary>
public static class InputCoercion
{
    /// <summary>
    /// graphql-js <c>valueFromAST</c>: false if <paramref name="literal"/> is not a valid value of <paramref name="type"/>.
    /// With <paramref name="variables"/> null (validation), every variable is taken as valid.
    /// </summary>
    public static bool TryCoerceLiteral(ValueNode literal, GraphQLType type, IReadOnlyDictionary<string, object?>? variables, out object? value)
    {
        value = null;
        if (literal is VariableNode variable)
        {
            if (variables is null)
                return true;
            if (!variables.TryGetValue(variable.Name, out value))
                return !type.IsNonNull;
            return value is not null || !type.IsNonNull;
        }
        if (type is NonNullType nonNull)
            return literal is not NullValueNode && TryCoerceLiteral(literal, nonNull.OfType, variables, out value);
        if (literal is NullValueNode)
            return true;

        switch (type)
        {
            case ListType list:
                if (literal is ListValueNode items)
                {
                    var values = new List<object?>(items.Items.Count);
                    foreach (var item in items.Items)
                    {
                        if (item is VariableNode itemVariable && variables is not null && !variables.ContainsKey(itemVariable.Name))
                        {
                            if (list.OfType.IsNonNull)
                                return false;
                            values.Add(null);
                            continue;
                        }
                        if (!TryCoerceLiteral(item, list.OfType, variables, out var itemValue))
                            return false;
                        values.Add(itemValue);
                    }
                    value = values;
                    return true;
                }
                if (!TryCoerceLiteral(literal, list.OfType, variables, out var single))
                    return false;
                value = new List<object?> { single };
                return true;

            case InputObjectType inputObject:
                if (literal is not ObjectValueNode objectNode)
                    return false;
                var given = new Dictionary<string, ObjectFieldNode>();
                foreach (var node in objectNode.Fields)
                {
                    if (inputObject.FindField(node.Name) is null || !given.TryAdd(node.Name, node))
                        return false;
                }
                var fields = new Dictionary<string, object?>();
                foreach (var field in inputObject.Fields)
                {
                    var node = given.GetValueOrDefault(field.Name);
                    if (node is null || (node.Value is VariableNode fieldVariable && variables is not null && !variables.ContainsKey(fieldVariable.Name)))
                    {
                        if (field.DefaultValue is not null)
                        {
                            TryCoerceLiteral(field.DefaultValue, field.Type, null, out var fallback);
                            fields[field.Name] = fallback;
                        }
                        else if (field.Type.IsNonNull)
                            return false;
                        continue;
                    }
                    if (!TryCoerceLiteral(node.Value, field.Type, variables, out var fieldValue))
                        return false;
                    fields[field.Name] = fieldValue;
                }
                value = fields;
                return true;

            case EnumType enumType:
                return enumType.TryParseLiteral(literal, out value);

            case ScalarType scalar:
                return scalar.TryParseLiteral(literal, out value);
        }
        return false;
    }

    /// <summary>
    /// Coerces a variable's JSON value; adds graphql-js-style reasons to <paramref name="problems"/> and returns null if invalid.
    /// </summary>
    public static object? CoerceJson(JsonElement json, GraphQLType type, List<string> problems, string path = "")
    {
        if (type is NonNullType nonNull)
        {
            if (json.ValueKind == JsonValueKind.Null)
            {
                problems.Add($"Expected non-nullable type \"{type}\" not to be null{At(path)}.");
                return null;
            }
            return CoerceJson(json, nonNull.OfType, problems, path);
        }
        if (json.ValueKind == JsonValueKind.Null)
            return null;

        switch (type)
        {
            case ListType list when json.ValueKind == JsonValueKind.Array:
                var items = new List<object?>();
                var index = 0;
                foreach (var item in json.EnumerateArray())
                    items.Add(CoerceJson(item, list.OfType, problems, $"{path}[{index++}]"));
                return items;
            case ListType list:
                return new List<object?> { CoerceJson(json, list.OfType, problems, path) };

            case InputObjectType inputObject:
                if (json.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"Expected type \"{inputObject.Name}\" to be an object{At(path)}.");
                    return null;
                }
                var fields = new Dictionary<string, object?>();
                foreach (var field in inputObject.Fields)
                {
                    if (!json.TryGetProperty(field.Name, out var fieldJson))
                    {
                        if (field.DefaultValue is not null)
                        {
                            TryCoerceLiteral(field.DefaultValue, field.Type, null, out var fallback);
                            fields[field.Name] = fallback;
                        }
                        else if (field.Type.IsNonNull)
                            problems.Add($"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided{At(path)}.");
                        continue;
                    }
                    fields[field.Name] = CoerceJson(fieldJson, field.Type, problems, $"{path}.{field.Name}");
                }
                foreach (var property in json.EnumerateObject())
                {
                    if (inputObject.FindField(property.Name) is null)
                        problems.Add($"Field \"{property.Name}\" is not defined by type \"{inputObject.Name}\"{At(path)}.");
                }
                return fields;

            case EnumType enumType:
                if (enumType.TryParseValue(json, out var enumValue))
                    return enumValue;
                problems.Add($"Value {Truncated(json)} does not exist in \"{enumType.Name}\" enum{At(path)}.");
                return null;

            case ScalarType scalar:
                if (scalar.TryParseValue(json, out var scalarValue))
                    return scalarValue;
                problems.Add($"{scalar.Name} cannot represent the value {Truncated(json)}{At(path)}.");
                return null;
        }
        problems.Add($"\"{type}\" is not an input type.");
        return null;
    }

    private static string At(string path) => path.Length == 0 ? "" : $" at \"value{path}\"";

    private static string Truncated(JsonElement json)
    {
        var text = json.GetRawText();
        return text.Length <= 60 ? text : text[..60] + "…";
    }
}
