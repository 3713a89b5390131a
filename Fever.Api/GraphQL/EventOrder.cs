using Fever.Data;
using Fever.GraphQL;
using Fever.GraphQL.Types;

namespace Fever.Api.GraphQL;

/// <summary>
/// The order of an <c>events</c> page: the keys of <c>order: [EventSortInput!]</c> (default <c>startsAt</c> ascending, as
/// <c>/search</c>), always ending with <c>id</c> so the order is total and keyset cursors are exact. Nulls sort last
/// ascending and first descending, as in PostgreSQL, so an order with every key flipped is exactly the reverse.
/// </summary>
public sealed class EventOrder : IComparer<Event>
{
    public sealed record Key(EventField Field, bool Descending);

    public const string InvalidOrder = "INVALID_ORDER";

    /// <summary>The snapshot's own order: by start, then id.</summary>
    public static EventOrder Default { get; } = new([new Key(EventField.Named("startsAt"), false), new Key(EventField.Named("id"), false)]);

    private EventOrder(IReadOnlyList<Key> keys)
    {
        Keys = keys;
        Signature = string.Join(',', keys.Select(k => $"{k.Field.Name}:{(k.Descending ? "DESC" : "ASC")}"));
    }

    public IReadOnlyList<Key> Keys { get; }

    /// <summary>A stable text of the keys, carried in cursors so a cursor is only used with the order it came from.</summary>
    public string Signature { get; }

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
        if (order is null || order.Count == 0)
            return Default;
        var keys = new List<Key>();
        foreach (var item in order)
        {
            var given = ((IReadOnlyDictionary<string, object?>)item!).Where(p => p.Value is not null).ToList();
            if (given.Count != 1)
                throw new GraphQLException("Each EventSortInput sets exactly one field; list several keys in order, e.g. order: [{startsAt: ASC}, {title: DESC}].", InvalidOrder);
            var field = EventField.Named(given[0].Key);
            if (keys.Any(k => k.Field == field))
                throw new GraphQLException($"The sort key {field.Name} is given twice.", InvalidOrder);
            keys.Add(new Key(field, (bool)given[0].Value!));
        }
        if (keys.All(k => k.Field.Name != "id"))
            keys.Add(new Key(EventField.Named("id"), false));
        return keys.SequenceEqual(Default.Keys) ? Default : new EventOrder(keys);
    }

    public EventOrder Reversed() => new(Keys.Select(k => k with { Descending = !k.Descending }).ToList());

    public int Compare(Event? left, Event? right)
    {
        foreach (var key in Keys)
        {
            var order = key.Field.Compare(left!, right!);
            if (order != 0)
                return key.Descending ? -order : order;
        }
        return 0;
    }

    /// <summary>The order of <paramref name="item"/> against the position a cursor's keys (in this order) stand for.</summary>
    public int CompareToCursor(Event item, IReadOnlyList<object?> cursorKeys)
    {
        for (var i = 0; i < Keys.Count; i++)
        {
            var order = Keys[i].Field.CompareToKey(item, cursorKeys[i]);
            if (order != 0)
                return Keys[i].Descending ? -order : order;
        }
        return 0;
    }
}
