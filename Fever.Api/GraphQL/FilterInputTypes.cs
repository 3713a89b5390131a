using Fever.GraphQL.Types;

namespace Fever.Api.GraphQL;

/// <summary>
/// HotChocolate's filter inputs: one <c>…OperationFilterInput</c> per scalar (eq/neq/in/nin, plus gt/ngt/gte/ngte/lt/nlt/lte/nlte
/// for comparable scalars, contains/startsWith/endsWith and negations for strings), and <c>EventFilterInput</c>.
/// </summary>
public static class FilterInputTypes
{
    public static readonly string[] Comparisons = ["gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"];
    public static readonly string[] StringOperations = ["contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith"];

    public static InputObjectType EventFilter()
    {
        var operations = new Dictionary<ScalarType, InputObjectType>();
        var filter = new InputObjectType("EventFilterInput", "Conditions on events; the fields given must all hold.");
        filter.Field("and", filter.NonNull().List()).Field("or", filter.NonNull().List());
        foreach (var field in EventField.All)
        {
            if (!operations.TryGetValue(field.Type, out var input))
                operations[field.Type] = input = OperationsOn(field.Type);
            filter.Field(field.Name, input);
        }
        return filter;
    }

    private static InputObjectType OperationsOn(ScalarType scalar)
    {
        var name = scalar.Name switch { "UUID" => "Uuid", var other => other };
        var input = new InputObjectType($"{name}OperationFilterInput");
        input.Field("and", input.NonNull().List()).Field("or", input.NonNull().List());
        input.Field("eq", scalar).Field("neq", scalar);
        if (scalar == BuiltInScalars.Boolean)
            return input;
        if (scalar == BuiltInScalars.String)
        {
            input.Field("contains", scalar).Field("ncontains", scalar).Field("in", scalar.List()).Field("nin", scalar.List());
            input.Field("startsWith", scalar).Field("nstartsWith", scalar).Field("endsWith", scalar).Field("nendsWith", scalar);
            return input;
        }
        input.Field("in", scalar.List()).Field("nin", scalar.List());
        foreach (var comparison in Comparisons)
            input.Field(comparison, scalar);
        return input;
    }
}
