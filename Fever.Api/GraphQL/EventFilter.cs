using System.Collections;
using System.Linq.Expressions;
using Fever.Data;
using Fever.GraphQL;

namespace Fever.Api.GraphQL;

/// <summary>
/// Translates a coerced <c>EventFilterInput</c> into an expression tree over <see cref="Event"/> that EF Core turns into SQL:
/// fields and operations of one object are and-ed, <c>and</c>/<c>or</c> combine lists of objects, a null operand of
/// <c>eq</c>/<c>neq</c> tests for null. A missing or empty filter matches everything.
/// </summary>
public static class EventFilter
{
    public const string InvalidFilter = "INVALID_FILTER";

    public static Expression<Func<Event, bool>> ToPredicate(IReadOnlyDictionary<string, object?> filter)
    {
        var parameter = Expression.Parameter(typeof(Event), "e");
        return Expression.Lambda<Func<Event, bool>>(Object(filter, parameter), parameter);
    }

    private static Expression Object(IReadOnlyDictionary<string, object?> filter, ParameterExpression e)
    {
        var parts = new List<Expression>();
        foreach (var (name, value) in filter)
        {
            if (value is null)
                continue;
            parts.Add(name switch
            {
                "and" => All(Items(value).Select(item => Object(item, e))),
                "or" => Any(Items(value).Select(item => Object(item, e))),
                _ => FieldOperations(EventField.Named(name), (IReadOnlyDictionary<string, object?>)value, e),
            });
        }
        return All(parts);
    }

    private static Expression FieldOperations(EventField field, IReadOnlyDictionary<string, object?> operations, ParameterExpression e) =>
        Operations(field, operations, ExpressionValues.Bind(field.Column, e));

    private static Expression Operations(EventField field, IReadOnlyDictionary<string, object?> operations, Expression column)
    {
        var parts = new List<Expression>();
        foreach (var (operation, operand) in operations)
        {
            switch (operation)
            {
                case "and":
                    if (operand is not null)
                        parts.Add(All(Items(operand).Select(item => Operations(field, item, column))));
                    break;
                case "or":
                    if (operand is not null)
                        parts.Add(Any(Items(operand).Select(item => Operations(field, item, column))));
                    break;
                case "eq":
                    parts.Add(EqualTo(field, column, operand));
                    break;
                case "neq":
                    parts.Add(Expression.Not(EqualTo(field, column, operand)));
                    break;
                case "in":
                    parts.Add(In(field, column, operation, operand));
                    break;
                case "nin":
                    parts.Add(Expression.Not(In(field, column, operation, operand)));
                    break;
                default:
                    var negated = operation.StartsWith('n');
                    var test = Test(field, column, negated ? operation[1..] : operation, Operand(field, operation, operand));
                    parts.Add(negated ? Expression.Not(test) : test);
                    break;
            }
        }
        return All(parts);
    }

    private static Expression Test(EventField field, Expression column, string operation, Expression operand) => operation switch
    {
        "gt" => Expression.GreaterThan(column, operand),
        "gte" => Expression.GreaterThanOrEqual(column, operand),
        "lt" => Expression.LessThan(column, operand),
        "lte" => Expression.LessThanOrEqual(column, operand),
        "contains" or "startsWith" or "endsWith" => Expression.Call(column,
            typeof(string).GetMethod(char.ToUpperInvariant(operation[0]) + operation[1..], [typeof(string)])!, operand),
        _ => throw new GraphQLException($"Unknown filter operation {operation} on {field.Name}.", InvalidFilter),
    };

    private static Expression EqualTo(EventField field, Expression column, object? operand)
    {
        if (operand is null)
        {
            return column.Type.IsValueType && Nullable.GetUnderlyingType(column.Type) is null
                ? Expression.Constant(false)
                : Expression.Equal(column, Expression.Constant(null, column.Type));
        }
        return Expression.Equal(column, ExpressionValues.Parameter(field.ToColumnValue(operand), column.Type));
    }

    private static Expression Operand(EventField field, string operation, object? operand) => operand is null
        ? throw new GraphQLException($"The filter {field.Name}.{operation} needs a value, not null.", InvalidFilter)
        : ExpressionValues.Parameter(field.ToColumnValue(operand), field.Column.ReturnType);

    private static Expression In(EventField field, Expression column, string operation, object? operand)
    {
        if (operand is not IEnumerable items)
            throw new GraphQLException($"The filter {field.Name}.{operation} needs a list, not null.", InvalidFilter);
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(column.Type))!;
        foreach (var item in items)
            list.Add(item is null ? null : field.ToColumnValue(item));
        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [column.Type],
            ExpressionValues.Parameter(list, list.GetType()), column);
    }

    private static IEnumerable<IReadOnlyDictionary<string, object?>> Items(object value) =>
        ((IEnumerable)value).Cast<IReadOnlyDictionary<string, object?>>();

    private static Expression All(IEnumerable<Expression> parts) =>
        parts.DefaultIfEmpty(Expression.Constant(true)).Aggregate(Expression.AndAlso);

    private static Expression Any(IEnumerable<Expression> parts) =>
        parts.DefaultIfEmpty(Expression.Constant(true)).Aggregate(Expression.OrElse);
}
