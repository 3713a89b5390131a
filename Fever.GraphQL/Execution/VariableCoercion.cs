using System.Text.Json;
using Fever.GraphQL.Language;
using Fever.GraphQL.Types;

namespace Fever.GraphQL.Execution;

/// <summary>The spec's CoerceVariableValues: the request's JSON variables into CLR values, defaults applied.</summary>
public static class VariableCoercion
{
    public static IReadOnlyDictionary<string, object?> Coerce(Schema schema, OperationDefinition operation, JsonElement? given, out List<GraphQLError> errors)
    {
        errors = [];
        var values = new Dictionary<string, object?>();
        foreach (var definition in operation.Variables)
        {
            var type = schema.TypeFrom(definition.Type)!;
            JsonElement json = default;
            var provided = given is { ValueKind: JsonValueKind.Object } variables && variables.TryGetProperty(definition.Name, out json);
            if (!provided)
            {
                if (definition.DefaultValue is not null)
                {
                    InputCoercion.TryCoerceLiteral(definition.DefaultValue, type, null, out var fallback);
                    values[definition.Name] = fallback;
                }
                else if (type.IsNonNull)
                    errors.Add(GraphQLError.At($"Variable \"${definition.Name}\" of required type \"{type}\" was not provided.",
                        ErrorCodes.InvalidVariables, definition.Location));
                continue;
            }
            var problems = new List<string>();
            var value = InputCoercion.CoerceJson(json, type, problems);
            foreach (var problem in problems)
                errors.Add(GraphQLError.At($"Variable \"${definition.Name}\" got invalid value {Shortened(json)}; {problem}",
                    ErrorCodes.InvalidVariables, definition.Location));
            values[definition.Name] = value;
        }
        return values;
    }

    private static string Shortened(JsonElement json)
    {
        var text = json.GetRawText();
        return text.Length <= 80 ? text : text[..80] + "…";
    }
}
