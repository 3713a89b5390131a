using System.Linq.Expressions;
using Fever.Data;
using Fever.GraphQL;
using Fever.GraphQL.Types;

namespace Fever.Api.GraphQL;

/// <summary>
/// The order of an <c>events</c> page: the keys of <c>order: [EventSortInput!]</c> (default <c>startsAt</c> ascending, as
/// <c>/search</c>), always ending with <c>id</c> so the order is total and keyset cursors are exact.
/// PostgreSQL sorts nulls last ascending and first descending; the keyset predicate follows the same rule.
/// </summary>
public sealed class EventOrder
{
    public sealed record Key(EventField Field, bool Descending);

    public const string InvalidOrder = "INVALID_ORDER";

    private EventOrder(IReadOnlyList<Key> keys) => Keys = keys;

    public IReadOnlyList<Key> Keys { get; }

    /// <summary>A stable text of the keys, carried in cursors so a cursor is only used with the order it came from.</summary>
    public string Signature => string.Join(',', Keys.Select(k => $"{k.Field.Name}:{(k.Descending ? "DESC" : "ASC")}"));

    public static EnumType SortEnum { get; } = new("SortEnumType", null, [new EnumValue("ASC", false), new EnumValue("DESC", true)]);

    public static InputObjectType SortInput()
    {
        var input = new InputObjectType("EventSortInput", "One sort key: set exactly one field to ASC or DESC.");
        foreach (var field in EventField.All)
            input.Field(field.Name, SortEnum);
        return input;
    }

    public static EventOrder From(IReadOnlyList<object?>? order)
    {
        var keys = new List<Key>();
        foreach (var item in order ?? [])
        {
            var given = ((IReadOnlyDictionary<string, object?>)item!).Where(p => p.Value is not null).ToList();
            if (given.Count != 1)
                throw new GraphQLException("Each EventSortInput sets exactly one field; list several keys in order, e.g. order: [{startsAt: ASC}, {title: DESC}].", InvalidOrder);
            var field = EventField.Named(given[0].Key);
            if (keys.Any(k => k.Field == field))
                throw new GraphQLException($"The sort key {field.Name} is given twice.", InvalidOrder);
            keys.Add(new Key(field, (bool)given[0].Value!));
        }
        if (keys.Count == 0)
            keys.Add(new Key(EventField.Named("startsAt"), false));
        if (keys.All(k => k.Field.Name != "id"))
            keys.Add(new Key(EventField.Named("id"), false));
        return new EventOrder(keys);
    }

    public EventOrder Reversed() => new(Keys.Select(k => k with { Descending = !k.Descending }).ToList());

    public IOrderedQueryable<Event> Apply(IQueryable<Event> events)
    {
        IOrderedQueryable<Event>? ordered = null;
        foreach (var key in Keys)
            ordered = ThenBy(events, ordered, key);
        return ordered!;
    }

    private static IOrderedQueryable<Event> ThenBy(IQueryable<Event> events, IOrderedQueryable<Event>? ordered, Key key)
    {
        var method = (ordered is null, key.Descending) switch
        {
            (true, false) => nameof(Queryable.OrderBy),
            (true, true) => nameof(Queryable.OrderByDescending),
            (false, false) => nameof(Queryable.ThenBy),
            (false, true) => nameof(Queryable.ThenByDescending),
        };
        var source = (IQueryable<Event>?)ordered ?? events;
        var call = Expression.Call(typeof(Queryable), method, [typeof(Event), key.Field.Column.ReturnType], source.Expression, Expression.Quote(key.Field.Column));
        return (IOrderedQueryable<Event>)source.Provider.CreateQuery<Event>(call);
    }

    /// <summary>Rows strictly after the row whose keys are <paramref name="values"/>, in this order.</summary>
    public Expression<Func<Event, bool>> After(IReadOnlyList<object?> values)
    {
        var e = Expression.Parameter(typeof(Event), "e");
        Expression? predicate = null;
        for (var i = Keys.Count - 1; i >= 0; i--)
        {
            var column = ExpressionValues.Bind(Keys[i].Field.Column, e);
            var beyond = Beyond(column, values[i], Keys[i].Descending, Keys[i].Field.IsNullable);
            predicate = predicate is null ? beyond : Expression.OrElse(beyond, Expression.AndAlso(Same(column, values[i]), predicate));
        }
        return Expression.Lambda<Func<Event, bool>>(predicate!, e);
    }

    private static Expression Same(Expression column, object? value) => value is null
        ? Expression.Equal(column, Expression.Constant(null, column.Type))
        : Expression.Equal(column, ExpressionValues.Parameter(value, column.Type));

    /// <summary>Strictly later in the order than <paramref name="value"/> (nulls last ascending, first descending).</summary>
    private static Expression Beyond(Expression column, object? value, bool descending, bool isNullable)
    {
        if (value is null)
            return descending ? Expression.NotEqual(column, Expression.Constant(null, column.Type)) : Expression.Constant(false);
        var operand = ExpressionValues.Parameter(value, column.Type);
        Expression compare = (column.Type, descending) switch
        {
            (var t, _) when t == typeof(bool) => descending
                ? Expression.AndAlso(Expression.Equal(operand, Expression.Constant(true)), Expression.Equal(column, Expression.Constant(false)))
                : Expression.AndAlso(Expression.Equal(operand, Expression.Constant(false)), Expression.Equal(column, Expression.Constant(true))),
            (var t, _) when t == typeof(string) => Expression.MakeBinary(descending ? ExpressionType.LessThan : ExpressionType.GreaterThan,
                Expression.Call(typeof(string), nameof(string.Compare), null, column, operand), Expression.Constant(0)),
            (_, true) => Expression.LessThan(column, operand),
            (_, false) => Expression.GreaterThan(column, operand),
        };
        return isNullable && !descending ? Expression.OrElse(compare, Expression.Equal(column, Expression.Constant(null, column.Type))) : compare;
    }
}
